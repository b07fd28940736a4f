// What the public sees of an institution's list of interested parties: organisations by
// name; individuals by name only if they agreed, the others as a number. Never an e-mail
// address. Pure: no I/O.

/** Who an interested party is: a citizen (an individual), or a kind of organisation. */
export const PARTY_CATEGORIES = [
  'citizen', 'ngo', 'academia', 'chamber', 'public-institution', 'business', 'international', 'informal-group',
] as const
export type PartyCategory = (typeof PARTY_CATEGORIES)[number]

export function isPartyCategory(value: string): value is PartyCategory {
  return (PARTY_CATEGORIES as readonly string[]).includes(value)
}

/**
 * The category of a party that asks for a registered organisation, from the organisation's
 * kind. Unions count as civil society (the FBiH rules list "sindikati" among it);
 * professional bodies as chambers.
 */
export function categoryOfOrganisationKind(kind: string): PartyCategory {
  switch (kind) {
    case 'ministry':
    case 'public-institution':
      return 'public-institution'
    case 'professional-body':
      return 'chamber'
    case 'union':
    case 'ngo':
      return 'ngo'
    case 'international':
    case 'business':
    case 'academia':
    case 'informal-group':
      return kind
    default:
      return 'ngo'
  }
}

/** An entry as the listing needs it: what the institution holds, minus the address. */
export interface ListedParty {
  name: string
  organisationName: string | null
  category: string
  listedPublicly: boolean
}

/** Whether an entry stands for an organisation (shown by the organisation's name). */
export function isOrganisationParty(party: Pick<ListedParty, 'category' | 'organisationName'>): boolean {
  return party.category !== 'citizen' && !!party.organisationName
}

/** The public list: who is on it, as far as each one agreed. */
export interface PublicListing {
  /** Organisations by name, each once, alphabetically. */
  organisations: { name: string; category: PartyCategory }[]
  /** Individuals who agreed to be named, alphabetically. */
  individuals: string[]
  /** Individuals who did not agree to be named: only counted. */
  unnamedIndividuals: number
}

const collator = new Intl.Collator('bs', { sensitivity: 'base' })

/** The public list of active entries. Two people of one organisation show it once. */
export function publicListing(parties: readonly ListedParty[]): PublicListing {
  const organisations = new Map<string, { name: string; category: PartyCategory }>()
  const individuals: string[] = []
  let unnamedIndividuals = 0
  for (const party of parties) {
    if (isOrganisationParty(party)) {
      const name = party.organisationName!.trim()
      const key = name.toLocaleLowerCase('bs')
      if (!organisations.has(key)) organisations.set(key, { name, category: isPartyCategory(party.category) ? party.category : 'ngo' })
    } else if (party.listedPublicly) {
      individuals.push(party.name)
    } else {
      unnamedIndividuals++
    }
  }
  return {
    organisations: [...organisations.values()].sort((a, b) => collator.compare(a.name, b.name)),
    individuals: individuals.sort(collator.compare),
    unnamedIndividuals,
  }
}
