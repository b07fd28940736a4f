import { describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { amendmentDocx } from './amendment-docx.ts'

describe('amendmentDocx', () => {
  it('writes a Word document whose text reads as the amending law', async () => {
    const buffer = await amendmentDocx('Zakon o izmjenama i dopunama Zakona o socijalnim uslugama', [
      'Član 1.\nU Zakonu o socijalnim uslugama u članu 5. stav (2) mijenja se i glasi:\n"(2) Novi tekst."',
      'Član 2.\nOvaj zakon stupa na snagu osmog dana od dana objavljivanja.',
    ])
    expect(buffer.subarray(0, 2).toString()).toBe('PK') // a .docx is a zip
    const { value } = await mammoth.extractRawText({ buffer })
    expect(value).toContain('ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O SOCIJALNIM USLUGAMA')
    expect(value).toContain('Član 1.')
    expect(value).toContain('u članu 5. stav (2) mijenja se i glasi')
    expect(value.indexOf('Član 1.')).toBeLessThan(value.indexOf('Član 2.'))
  })
})
