import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import type { Node } from 'prosemirror-model'
import { importFile, decodeText } from './import-file.ts'
import { importLegalText, type ImportReport } from './plain-text-import.ts'
import { decodeSingleByte } from './text-repair.ts'
import { toCyrillic } from './transliteration.ts'

// Real acts, stored verbatim with their defects (see shared/fixtures/laws/README.md). Each file
// is imported as it is stored: its first two lines (source address, note) and the marker
// "[the rest of the act is not included]" must land in the report, not in the act.
const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/laws')
const SAMPLE = path.resolve(import.meta.dirname, '../sample-data/zakon-o-socijalnim-uslugama.v2.txt')

interface Expected {
  title: string
  /** Article numbers as written. */
  articles: string[]
  /** Paragraphs of each article, in order. */
  paragraphs: number[]
  points: number
  indents: number
  parts: number
  chapters: number
  sections: number
}

/** Counted by hand in each text; where a text stops mid-article, what is there is counted. */
const EXPECTED: Record<string, Expected> = {
  // Art. 1 one paragraph; Art. 2 one lead sentence with points a)–f); Art. 3 stops inside "(1)".
  'bih_pravila-za-konsultacije-u-izradi-pravnih-propisa-2017_bs_sluzbenilist-SG-5-17_POCETAK.txt': {
    title: 'PRAVILA ZA KONSULTACIJE U IZRADI PRAVNIH PROPISA',
    articles: ['1', '2', '3'], paragraphs: [1, 1, 1], points: 6, indents: 0, parts: 0, chapters: 0, sections: 0,
  },
  // Art. 1 has "(1)" and "(2)" on one line; Art. 2 one paragraph; the text stops at a lone "Č".
  'fbih_nacrt-zakona-o-podrsci-porodicama-s-djecom-2018_bs_pdfslide_POCETAK.txt': {
    title: 'ZAKON O PODRŠCI PORODICAMA S DJECOM U FEDERACIJI BOSNE I HERCEGOVINE',
    articles: ['1', '2'], paragraphs: [2, 1], points: 0, indents: 0, parts: 1, chapters: 0, sections: 0,
  },
  // Amending law: each article is the instruction plus the quoted lines, which stay inside it:
  // Art. 1 = instruction, "Član 18f.", new text (3); Art. 2 = instruction + two quoted
  // sentences (3); Art. 3 = instruction, "Član 79b.", four quoted paragraphs (6); Art. 4 one.
  'fbih_zakon-o-izmjenama-i-dopunama-ZOSZ-2016_bs_fbihvlada.txt': {
    title: 'ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O OSNOVAMA SOCIJALNE ZAŠTITE, ZAŠTITE CIVILNIH ŽRTAVA RATA I ZAŠTITE PORODICE SA DJECOM',
    articles: ['1', '2', '3', '4'], paragraphs: [3, 3, 6, 1], points: 0, indents: 0, parts: 0, chapters: 0, sections: 0,
  },
  // Art. 1 = instruction + the quoted sentence with three "-" indents; Art. 2 entry into force.
  'fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_hr_fbihvlada.txt': {
    title: 'ZAKON O IZMJENI ZAKONA O PRAVIMA BRANITELJA I ČLANOVA NJIHOVIH OBITELJI',
    articles: ['1', '2'], paragraphs: [2, 1], points: 0, indents: 3, parts: 0, chapters: 0, sections: 0,
  },
  // The same act in Cyrillic.
  'fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_sr-Cyrl_fbihvlada.txt': {
    title: 'ЗАКОН О ИЗМЈЕНИ ЗАКОНА О ПРАВИМА БРАНИЛАЦА И ЧЛАНОВА ЊИХОВИХ ПОРОДИЦА',
    articles: ['1', '2'], paragraphs: [2, 1], points: 0, indents: 3, parts: 0, chapters: 0, sections: 0,
  },
  // Unnumbered paragraphs: Art. 1 one with six indents; Art. 3 three; Art. 5 three, the second
  // with points 1)–4), the third cut off ("Članovi porodice iz stava 2. ta").
  'fbih_zakon-o-osnovama-socijalne-zastite-ZOSZ-1999-precisceni_bs_pravobih_POCETAK.txt': {
    title: 'Zakon o osnovama socijalne zaštite, zaštite civilnih žrtava rata i zaštite porodice sa djecom FBiH',
    articles: ['1', '2', '3', '4', '5'], paragraphs: [1, 1, 3, 1, 3], points: 4, indents: 6, parts: 0, chapters: 1, sections: 0,
  },
  // Chapter I with Art. 1, which stops inside "(1)".
  'rs_pravila-normativno-pravne-tehnike-2006_sr-Cyrl_wikisource_POCETAK.txt': {
    title: 'ПРАВИЛА НОРМАТИВНО-ПРАВНЕ ТЕХНИКЕ ЗА ИЗРАДУ ЗАКОНА И ДРУГИХ ПРОПИСА РЕПУБЛИКЕ СРПСКЕ',
    articles: ['1'], paragraphs: [1], points: 0, indents: 0, parts: 0, chapters: 1, sections: 0,
  },
  // Art. 1 (1)–(3); Art. 2 a lead with eight points a) b) v) g) d) đ) e) ž); chapter II
  // ("STRUKTURA 3AKOHA") with Art. 3, which stops inside "(1)".
  'rs_pravila-normativno-pravne-tehnike-2006_sr-Latn_wikisource_POCETAK.txt': {
    title: 'PRAVILA NORMATIVNO-PRAVNE TEHNIKE ZA IZRADU ZAKONA I DRUGIH PROPISA REPUBLIKE SRPSKE',
    articles: ['1', '2', '3'], paragraphs: [3, 1, 1], points: 8, indents: 0, parts: 0, chapters: 2, sections: 0,
  },
  // Chapter I: Art. 1 one paragraph with seven "–" indents, Art. 2; chapter II with section
  // "1. Korisnici socijalne zaštite": Art. 3, a lead with points "1." … "8.", the last cut off.
  'usk_zakon-o-socijalnoj-zastiti-civilnih-zrtava-rata-i-porodica-sa-djecom-USK_bs_anwalt-bih_POCETAK.txt': {
    title: 'ZAKON O SOCIJALNOJ ZAŠTITI, ZAŠTITI CIVILNIH ŽRTAVA RATA I ZAŠTITI PORODICA SA DJECOM',
    articles: ['1', '2', '3'], paragraphs: [1, 1, 1], points: 8, indents: 7, parts: 0, chapters: 2, sections: 1,
  },
}

function found(doc: Node, report: ImportReport): Expected {
  const articles: Node[] = []
  doc.descendants((node) => {
    if (node.type.name === 'article') articles.push(node)
    return node.type.name !== 'article'
  })
  const paragraphs = articles.map((a) => {
    let n = 0
    a.forEach((child) => {
      if (child.type.name === 'paragraph') n++
    })
    return n
  })
  const { points, indents, parts, chapters, sections } = report.counts
  return {
    title: doc.firstChild!.textContent,
    articles: articles.map((a) => report.written[a.attrs.id as string]!),
    paragraphs,
    points,
    indents,
    parts,
    chapters,
    sections,
  }
}

const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()

describe('importing the real acts in shared/fixtures/laws', () => {
  it.each(files)('finds every article with its paragraphs and points in %s', async (file) => {
    const { doc, report } = await importFile(path.join(FIXTURES, file))
    const expected = EXPECTED[file]
    if (!expected) {
      // A text the table does not know yet: it must still read as an act.
      expect(report.counts.articles).toBeGreaterThan(0)
      return
    }
    expect(found(doc, report)).toEqual(expected)
    expect(report.counts.paragraphs).toBe(expected.paragraphs.reduce((a, b) => a + b, 0))
  })

  it('puts the source line, the note and the end marker of every file in the report, not in the act', async () => {
    for (const file of files) {
      const { report } = await importFile(path.join(FIXTURES, file))
      expect(report.setAside.slice(0, 2).map((s) => s.line)).toEqual([1, 2])
      const marker = report.setAside.find((s) => s.text === '[the rest of the act is not included]')
      if (fs.readFileSync(path.join(FIXTURES, file), 'utf8').includes('[the rest of the act is not included]')) {
        expect(marker).toMatchObject({ reason: 'note' })
      }
    }
  })

  it('reports the repairs each damaged text needed', async () => {
    const kinds = async (file: string) => {
      const counts: Record<string, number> = {}
      // Lines 1 and 2 are the source address and the note, which quote the defects too.
      for (const r of (await importFile(path.join(FIXTURES, file))).report.repairs) if (r.line > 2) counts[r.kind] = (counts[r.kind] ?? 0) + 1
      return counts
    }
    expect(await kinds('rs_pravila-normativno-pravne-tehnike-2006_sr-Cyrl_wikisource_POCETAK.txt')).toEqual({ 'page-furniture': 1, homoglyph: 1 })
    expect(await kinds('rs_pravila-normativno-pravne-tehnike-2006_sr-Latn_wikisource_POCETAK.txt')).toEqual({ 'page-furniture': 2, homoglyph: 1 })
    expect(await kinds('fbih_nacrt-zakona-o-podrsci-porodicama-s-djecom-2018_bs_pdfslide_POCETAK.txt')).toEqual({ 'letter-spacing': 1, 'page-furniture': 1 })
  })

  it('reads the promulgation decree and the signatures of the 2022 amending law', async () => {
    const { doc, report } = await importFile(path.join(FIXTURES, 'fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_hr_fbihvlada.txt'))
    expect(doc.child(1).type.name).toBe('preamble')
    expect(doc.child(1).firstChild!.textContent).toMatch(/^Temeljem članka IV\.B\.7\. a\)\(IV\)/)
    expect(doc.child(1).lastChild!.textContent).toBe('Marinko Čavara, v. r.')
    expect(report.setAside.filter((s) => s.reason === 'signature').map((s) => s.text)).toContain('Tomislav Martinović, v. r.')
  })

  it('reads the chapter heading "STRUKTURA 3AKOHA" of the Latin RS text as "STRUKTURA ZAKONA"', async () => {
    const { doc } = await importFile(path.join(FIXTURES, 'rs_pravila-normativno-pravne-tehnike-2006_sr-Latn_wikisource_POCETAK.txt'))
    const headings: string[] = []
    doc.descendants((n) => {
      if (n.type.name === 'chapter') headings.push(n.firstChild!.textContent)
      return true
    })
    expect(headings).toEqual(['OSNOVNE ODREDBE', 'STRUKTURA ZAKONA'])
  })

  it('records the draft stage of the FBiH 2018 draft', async () => {
    const { report } = await importFile(path.join(FIXTURES, 'fbih_nacrt-zakona-o-podrsci-porodicama-s-djecom-2018_bs_pdfslide_POCETAK.txt'))
    expect(report.stage).toBe('nacrt')
  })
})

// Texts the project has never seen arrive damaged in ways the fixtures only sample. The
// sample law (83 articles) is damaged here the way real copies are, and must read the same.
describe('importing damaged copies of the sample law', () => {
  const clean = fs.readFileSync(SAMPLE, 'utf8')
  const shape = (text: string) => {
    const { doc, report } = importLegalText(text, { numbering: 'frozen' })
    const out: string[] = []
    doc.descendants((node) => {
      if (node.type.name !== 'article') return true
      const paragraphs: string[] = []
      node.forEach((child) => {
        if (child.type.name !== 'paragraph') return
        let points = 0
        let indents = 0
        child.descendants((d) => {
          if (d.type.name === 'point') points++
          if (d.type.name === 'indent') indents++
          return true
        })
        paragraphs.push(`${points}/${indents}`)
      })
      out.push(`${node.attrs.num}${node.firstChild?.type.name === 'article_heading' ? ' (heading)' : ''}: ${paragraphs.join(' ')}`)
      return false
    })
    return { out, report }
  }
  const expected = shape(clean).out
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const wrap = (text: string) =>
    text
      .split('\n')
      .map((line) => {
        const out: string[] = []
        let current = ''
        for (const word of line.split(' ')) {
          if (current && `${current} ${word}`.length > 70) {
            out.push(current)
            current = word
          } else current = current ? `${current} ${word}` : word
        }
        return [...out, current].join('\n')
      })
      .join('\n')
  const footers = (text: string) =>
    text.split('\n').map((l, i) => (i % 37 === 36 ? `${l}\n\n- ${i} -\n\nSlužbene novine Federacije BiH, Broj 45 - Strana ${i}\n` : l)).join('\n')
  const misread = (text: string, encoding: 'cp852' | 'windows-1250') =>
    text.split(/(\s+)/).map((w) => (/[čćšžđČĆŠŽĐ]/u.test(w) && random() < 0.6 ? decodeSingleByte(new TextEncoder().encode(w), encoding) : w)).join('')
  const YUSCII: Record<string, string> = { Ž: '@', Š: '[', Đ: '\\', Ć: ']', Č: '^', ž: '`', š: '{', đ: '|', ć: '}', č: '~' }
  const strip = (text: string) => text.replace(/[čć]/gu, 'c').replace(/[ČĆ]/gu, 'C').replace(/š/gu, 's').replace(/Š/gu, 'S').replace(/ž/gu, 'z').replace(/Ž/gu, 'Z').replace(/đ/gu, 'dj')
  const LOOK_ALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', A: 'А', E: 'Е', O: 'О' }

  it.each<[string, (text: string) => string]>([
    ['lines broken as a PDF breaks them', wrap],
    ['page numbers and running headers between the lines', (t) => footers(wrap(t))],
    ['UTF-8 read as CP852', (t) => misread(t, 'cp852')],
    ['UTF-8 read as Windows-1250', (t) => misread(t, 'windows-1250')],
    ['a YUSCII font', (t) => t.replace(/[ŽŠĐĆČžšđćč]/gu, (c) => YUSCII[c]!)],
    ['stripped diacritics', strip],
    ['labels that lost their first letter', (t) => t.replace(/^Član (\d)/gmu, 'lan $1')],
    ['OCR l for 1', (t) => t.replace(/^Član 1(\d?)\./gmu, 'Član l$1.').replace(/^\(1\)/gmu, '(l)')],
    ['Cyrillic look-alikes inside Latin words', (t) => t.replace(/\b[a-zA-Z]+\b/gu, (w) => (random() < 0.1 ? w.replace(/[aeoAEO]/u, (c) => LOOK_ALIKE[c]!) : w))],
    ['headings on the label line', (t) => t.replace(/^(Član \d+\.)\n(\(.*\))$/gmu, '$1 $2')],
    ['headings above the label', (t) => t.replace(/^(Član \d+\.)\n\((.*)\)$/gmu, '$2\n$1')],
    ['upper-case labels without a dot', (t) => t.replace(/^Član (\d+)\./gmu, 'ČLAN $1')],
    ['footnotes after paragraphs', (t) => t.replace(/^(\(2\) .*)$/gmu, '$1\n¹ Službene novine FBiH, broj 36/99')],
    ['Windows line ends, tabs and no-break spaces', (t) => t.replace(/ /gu, (s) => (random() < 0.05 ? '\u00A0' : s)).replace(/\n/gu, '\r\n').replace(/^Član/gmu, '\tČlan')],
    ['Cyrillic script', (t) => toCyrillic(t)],
    ['Cyrillic script broken as a PDF breaks it', (t) => wrap(toCyrillic(t))],
    ['everything at once', (t) => footers(wrap(misread(t.replace(/^Član (\d)/gmu, 'lan $1').replace(/^(Član \d+\.)\n(\(.*\))$/gmu, '$1 $2'), 'cp852')))],
  ])('reads the same articles, paragraphs, points and indents from %s', (_damage, damage) => {
    expect(shape(damage(clean)).out).toEqual(expected)
  })
})

describe('importFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nacrt-import-'))

  it('imports a .docx built with Word paragraphs', async () => {
    const paragraphs = ['ZAKON O PROBI', 'DIO PRVI – OSNOVNE ODREDBE', 'Član 1.', '(Predmet)', '(1) Ovim zakonom uređuje se proba:', 'a) prva,', 'b) druga.', '(2) Drugi stav.', 'Član 2.', 'Ovaj zakon stupa na snagu.']
    const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] })
    const file = path.join(dir, 'zakon.docx')
    fs.writeFileSync(file, await Packer.toBuffer(document))
    const { doc, report, source } = await importFile(file)
    expect(source).toEqual({ format: 'docx', encoding: null })
    expect(doc.firstChild!.textContent).toBe('ZAKON O PROBI')
    expect(report.counts).toMatchObject({ parts: 1, articles: 2, paragraphs: 3, points: 2 })
  })

  it('recognises a .docx by its bytes whatever its name', async () => {
    const document = new Document({ sections: [{ children: ['ZAKON O PROBI', 'Član 1.', 'Tekst.'].map((t) => new Paragraph(t)) }] })
    const file = path.join(dir, 'zakon-docx.txt')
    fs.writeFileSync(file, await Packer.toBuffer(document))
    expect((await importFile(file)).source.format).toBe('docx')
  })

  it.each<['windows-1250' | 'cp852', number[]]>([
    ['windows-1250', [0xc8, 0x6c, 0x61, 0x6e, 0x20, 0x31, 0x2e, 0x0a, 0x9a, 0x74, 0x69, 0x74, 0x69, 0x20, 0xe8, 0x61, 0x73, 0x74, 0x2e]],
    ['cp852', [0xac, 0x6c, 0x61, 0x6e, 0x20, 0x31, 0x2e, 0x0a, 0xe7, 0x74, 0x69, 0x74, 0x69, 0x20, 0x9f, 0x61, 0x73, 0x74, 0x2e]],
  ])('reads a text file in %s', async (encoding, bytes) => {
    const head = [...Buffer.from('ZAKON O PROBI\n')]
    const file = path.join(dir, `${encoding}.txt`)
    fs.writeFileSync(file, Buffer.from([...head, ...bytes]))
    const { doc, report, source } = await importFile(file)
    expect(source.encoding).toBe(encoding)
    expect(doc.lastChild!.textContent).toBe('štiti čast.')
    expect(report.warnings.map((w) => w.kind)).toEqual(['file'])
  })

  it('reads UTF-8 and UTF-16 with a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Član')]))).toEqual({ text: 'Član', encoding: 'utf-8' })
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('Član', 'utf16le')]))).toEqual({ text: 'Član', encoding: 'utf-16le' })
  })

  it('refuses a PDF and a text without articles with a RangeError that says what to do', async () => {
    const pdf = path.join(dir, 'zakon.pdf')
    fs.writeFileSync(pdf, '%PDF-1.4\n')
    await expect(importFile(pdf)).rejects.toThrow(/save it as \.docx or as plain text/)
    const empty = path.join(dir, 'prazno.txt')
    fs.writeFileSync(empty, 'ZAKON O PROBI\nSamo naslov.\n')
    await expect(importFile(empty)).rejects.toThrow(RangeError)
  })
})
