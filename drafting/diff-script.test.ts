import { describe, expect, it } from 'vitest'
import { importPlainText } from './plain-text-import.ts'
import { diffDocuments } from './diff.ts'
import { diffInScript } from './diff-script.ts'

describe('diffInScript', () => {
  it('shows a Latin comparison in Cyrillic without touching numbers or statuses', () => {
    const a = importPlainText('ZAKON\n\nČlan 1.\n(Predmet)\nOvim zakonom uređuju se usluge.\n')
    const b = importPlainText('ZAKON\n\nČlan 1.\n(Predmet)\nOvim zakonom uređuju se socijalne usluge.\n')
    const diff = diffDocuments(a, b, { align: 'content' })
    const cyrl = diffInScript(diff, 'cyrl')
    expect(cyrl.summary).toEqual(diff.summary)
    expect(cyrl.articles[0]!.heading).toBe('Предмет')
    expect(cyrl.articles[0]!.newNumber).toBe('1')
    const inserted = cyrl.articles[0]!.paragraphs[0]!.changes.filter((c) => c.type === 'insert').map((c) => c.text).join('')
    expect(inserted).toContain('социјалне')
  })

  it('shows annex titles and changes in the other script', () => {
    const a = importPlainText('ZAKON\n\nČlan 1.\nTekst.\n\nPRILOG 1\nObrazac zahtjeva\nIme i prezime.\n')
    const b = importPlainText('ZAKON\n\nČlan 1.\nTekst.\n\nPRILOG 1\nObrazac zahtjeva\nIme, prezime i adresa.\n')
    const cyrl = diffInScript(diffDocuments(a, b, { align: 'content' }), 'cyrl')
    expect(cyrl.annexes[0]!.heading).toBe('Образац захтјева')
    expect(cyrl.annexes[0]!.changes.filter((c) => c.type === 'insert').map((c) => c.text).join('')).toContain('адреса')
  })
})
