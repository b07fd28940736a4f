import { describe, expect, it } from 'vitest'
import { categoryOfOrganisationKind, publicListing, type ListedParty } from './interested-party-listing.ts'
import { WrittenRequest } from './interested-party-inputs.ts'

const person = (name: string, listedPublicly: boolean): ListedParty => ({ name, organisationName: null, category: 'citizen', listedPublicly })
const organisation = (organisationName: string, category = 'ngo', name = 'Kontakt osoba'): ListedParty => ({ name, organisationName, category, listedPublicly: true })

describe('publicListing', () => {
  it('names organisations and the individuals who agreed, and only counts the others', () => {
    const listing = publicListing([
      person('Šemsa Ćatić', true),
      organisation('Udruženje Zdravo', 'ngo', 'Ana Anić'),
      person('Niko Nikić', false),
      person('Amra Hodžić', true),
      person('Tajna Osoba', false),
      organisation('UNICEF BiH', 'international'),
    ])
    expect(listing).toEqual({
      organisations: [{ name: 'Udruženje Zdravo', category: 'ngo' }, { name: 'UNICEF BiH', category: 'international' }],
      individuals: ['Amra Hodžić', 'Šemsa Ćatić'],
      unnamedIndividuals: 2,
    })
  })

  it('never shows the name of an individual who did not agree, nor the contact person of an organisation', () => {
    const listing = publicListing([person('Niko Nikić', false), organisation('Sindikat', 'ngo', 'Mladen Jurić')])
    expect(JSON.stringify(listing)).not.toContain('Niko')
    expect(JSON.stringify(listing)).not.toContain('Mladen')
  })

  it('shows an organisation once when two of its people are on the list', () => {
    const listing = publicListing([organisation('SOS Dječija sela BiH'), organisation('SOS dječija sela BiH ', 'ngo', 'Druga osoba')])
    expect(listing.organisations).toEqual([{ name: 'SOS Dječija sela BiH', category: 'ngo' }])
  })

  it('sorts names the Bosnian way: Č and Ć after C, Š after S', () => {
    const listing = publicListing([person('Šaban', true), person('Sead', true), person('Ćamil', true), person('Cvijeta', true), person('Dino', true)])
    expect(listing.individuals).toEqual(['Cvijeta', 'Ćamil', 'Dino', 'Sead', 'Šaban'])
  })

  it('treats a citizen with an organisation name as an individual', () => {
    const listing = publicListing([{ name: 'Ana', organisationName: 'Univerzitet', category: 'citizen', listedPublicly: false }])
    expect(listing).toEqual({ organisations: [], individuals: [], unnamedIndividuals: 1 })
  })
})

describe('categoryOfOrganisationKind', () => {
  it('maps each kind of registered organisation to a category of interested party', () => {
    expect(categoryOfOrganisationKind('ministry')).toBe('public-institution')
    expect(categoryOfOrganisationKind('public-institution')).toBe('public-institution')
    expect(categoryOfOrganisationKind('professional-body')).toBe('chamber')
    expect(categoryOfOrganisationKind('union')).toBe('ngo')
    expect(categoryOfOrganisationKind('academia')).toBe('academia')
    expect(categoryOfOrganisationKind('informal-group')).toBe('informal-group')
  })
})

describe('the written-request form', () => {
  const base = { name: 'Amra Hodžić', email: ' Amra.Hodzic@Example.BA ', category: 'citizen' }
  it('lower-cases the address and reads the checkbox', () => {
    expect(WrittenRequest.parse({ ...base, listedPublicly: 'on' })).toEqual({
      name: 'Amra Hodžić', email: 'amra.hodzic@example.ba', organisationName: undefined, category: 'citizen', listedPublicly: true,
    })
    expect(WrittenRequest.parse(base).listedPublicly).toBe(false)
  })
  it('needs the organisation’s name for any category but an individual', () => {
    const parsed = WrittenRequest.safeParse({ ...base, category: 'ngo', organisationName: '' })
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['organisationName', 'errors.parties.organisationRequired']])
  })
  it('refuses an unknown category', () => {
    const parsed = WrittenRequest.safeParse({ ...base, category: 'party' })
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['errors.field.choose'])
  })
})
