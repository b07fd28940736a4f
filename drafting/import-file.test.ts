import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import type { Node } from 'prosemirror-model'
import { importFile } from './import-file.ts'
import { parseDocument } from './document.ts'

// Word tables in an imported .docx become table nodes where the act allows them.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nacrt-import-tables-'))

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] })
const wordTable = (rows: string[][], header = false) =>
  new Table({
    rows: rows.map((cells, r) => new TableRow({ ...(header && r === 0 ? { tableHeader: true } : {}), children: cells.map((text) => new TableCell({ children: text.split('\n').map(p) })) })),
  })

async function importDocx(name: string, children: (Paragraph | Table)[]) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children }] })))
  return importFile(file)
}

function grids(doc: Node): { parent: string; header: boolean; rows: string[][] }[] {
  const out: { parent: string; header: boolean; rows: string[][] }[] = []
  doc.descendants((node, _pos, parent) => {
    if (node.type.name !== 'table') return true
    const rows: string[][] = []
    node.forEach((row) => {
      const cells: string[] = []
      row.forEach((cell) => {
        const blocks: string[] = []
        cell.forEach((b) => void blocks.push(b.textContent))
        cells.push(blocks.join('/'))
      })
      rows.push(cells)
    })
    out.push({ parent: parent!.type.name, header: node.firstChild!.attrs.header as boolean, rows })
    return false
  })
  return out
}

describe('importFile: Word tables', () => {
  it('turns a table inside an article into a table in its paragraph, with its header row, and one in an annex into the annex', async () => {
    const { doc, report } = await importDocx('tabele.docx', [
      p('ZAKON O PROBI'),
      p('Član 1.'),
      p('(Iznosi)'),
      p('(1) Iznosi naknade su:'),
      wordTable([['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM\nmjesečno']], true),
      p('(2) Iznosi se usklađuju godišnje.'),
      p('Član 2.'),
      p('Ovaj zakon stupa na snagu osmog dana.'),
      p('PRILOG 1'),
      p('Obrazac zahtjeva'),
      p('Podaci o podnosiocu:'),
      wordTable([['Ime', ''], ['Adresa', '']]),
    ])
    expect(parseDocument(doc.toJSON()).ok).toBe(true)
    expect(grids(doc)).toEqual([
      { parent: 'paragraph', header: true, rows: [['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM/mjesečno']] },
      { parent: 'annex', header: false, rows: [['Ime', ''], ['Adresa', '']] },
    ])
    expect(report.counts).toMatchObject({ articles: 2, paragraphs: 3 })
    // No token is left anywhere in the text.
    expect(doc.textContent).not.toMatch(/\uE000/u)
  })

  it('puts a table that Word placed as its own paragraph into the paragraph before it', async () => {
    const { doc } = await importDocx('samostalna.docx', [
      p('ZAKON O PROBI'),
      p('Član 1.'),
      p('Iznosi naknade su sljedeći.'),
      wordTable([['A', 'B']]),
      p('Član 2.'),
      p('Tekst.'),
    ])
    expect(grids(doc)).toEqual([{ parent: 'paragraph', header: false, rows: [['A', 'B']] }])
    const article = doc.child(1)
    expect(article.childCount).toBe(1)
  })

  it('keeps a table outside the articles (the memorandum) as lines of text and says so', async () => {
    const { doc, report } = await importDocx('obrazlozenje.docx', [
      p('ZAKON O PROBI'),
      p('Član 1.'),
      p('Tekst.'),
      p('OBRAZLOŽENJE'),
      p('I. FINANSIJSKA SREDSTVA'),
      wordTable([['Godina', 'Iznos'], ['2026', '5.000 KM']]),
    ])
    expect(grids(doc)).toEqual([])
    expect(doc.lastChild!.textContent).toContain('2026 | 5.000 KM')
    expect(report.warnings.map((w) => w.message).join(' ')).toMatch(/kept as lines of text/)
  })
})
