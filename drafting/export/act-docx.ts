import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { DocumentOutline, OutlineBlock, OutlineTable, OutlineUnit } from '../outline.ts'

// Twentieths of a point: 1 cm = 567. A4 is 11906 × 16838.
const CM = 567
const INDENT_STEP = 567

const centred = (text: string, options: { bold?: boolean; before?: number; after?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 120 },
    keepNext: options.keepNext ?? true,
    children: [new TextRun({ text, bold: options.bold ?? false })],
  })

const justified = (runs: TextRun[], options: { indent?: number; hanging?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
    indent: options.indent ? { left: options.indent, hanging: options.hanging ?? 0 } : undefined,
    children: runs,
  })

/** A paragraph of text starting with its label: "(1) Tekst …", "a) tekst …". */
function labelled(label: string | null, text: string, indent = 0): Paragraph {
  const runs = label ? [new TextRun(`${label} `), new TextRun(text)] : [new TextRun(text)]
  return justified(runs, { indent: indent || undefined, hanging: indent && label ? INDENT_STEP : 0 })
}

/** A table across the text width; the header row bold and repeated on every page. */
function table(block: OutlineTable, indent: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : {}),
    rows: block.rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                children: (cell.length > 0 ? cell : ['']).map((text) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text, bold: row.header })] })),
              }),
          ),
        }),
    ),
  })
}

function blocks(items: readonly OutlineBlock[], depth: number, out: (Paragraph | Table)[], first: { label: string | null } | null): void {
  let pending = first
  for (const block of items) {
    if (block.kind === 'table') {
      // A table that opens a labelled unit keeps the label on a line of its own.
      if (pending?.label) out.push(labelled(pending.label, '', depth * INDENT_STEP))
      pending = null
      out.push(table(block, depth * INDENT_STEP))
      // Word joins two tables in a row: a small paragraph keeps them apart.
      out.push(new Paragraph({ spacing: { after: 120 }, children: [] }))
    } else if (block.kind === 'text') {
      out.push(depth === 0 ? labelled(pending?.label ?? null, block.text) : labelled(pending?.label ?? null, block.text, depth * INDENT_STEP))
      pending = null
    } else if (block.kind === 'indent') {
      out.push(labelled('–', block.text, (depth + 1) * INDENT_STEP))
    } else {
      blocks(block.blocks, depth + 1, out, { label: block.label })
    }
  }
}

function units(items: readonly OutlineUnit[], out: (Paragraph | Table)[]): void {
  for (const unit of items) {
    if (unit.kind === 'article') {
      out.push(centred(unit.label, { bold: true, before: 240, after: unit.heading ? 0 : 120 }))
      if (unit.heading) out.push(centred(`(${unit.heading})`, { after: 120 }))
      for (const paragraph of unit.paragraphs) blocks(paragraph.blocks, 0, out, { label: paragraph.label })
    } else {
      out.push(centred(unit.label, { bold: true, before: 360, after: 0 }))
      if (unit.heading) out.push(centred(unit.heading, { bold: true, after: 240 }))
      units(unit.children, out)
    }
  }
}

/**
 * A version of an act as a Word document laid out as an official act: the title centred
 * and bold, the legal basis, parts and chapters as centred headings, each article's label
 * centred and bold with its heading in parentheses below, paragraphs "(1)" justified,
 * points indented, tables as Word tables; each annex (prilog) and the memorandum after a
 * page break. Times New Roman 12 on A4 with the
 * page number in the footer. The outline already holds the labels in the act's language
 * variant and script.
 */
export async function actDocx(outline: DocumentOutline, meta: { title?: string; creator?: string } = {}): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [centred(outline.title.toUpperCase(), { bold: true, after: 360, keepNext: false })]
  for (const text of outline.preamble) body.push(justified([new TextRun(text)]))
  units(outline.body, body)
  // Each annex on a new page: "Prilog 1" and its title centred and bold, then its text and tables.
  for (const annex of outline.annexes) {
    body.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: annex.heading ? 0 : 240 }, keepNext: true, children: [new TextRun({ text: annex.label, bold: true })] }))
    if (annex.heading) body.push(centred(annex.heading, { bold: true, after: 240 }))
    blocks(annex.blocks, 0, body, null)
  }
  if (outline.memorandum) {
    body.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: outline.memorandum.label, bold: true })] }))
    for (const section of outline.memorandum.sections) {
      body.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: section.heading, bold: true })] }))
      for (const text of section.paragraphs) body.push(justified([new TextRun(text)]))
    }
  }
  const doc = new Document({
    creator: meta.creator ?? 'Nacrt',
    title: meta.title ?? outline.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: Math.round(2.5 * CM), bottom: Math.round(2.5 * CM), left: Math.round(2.5 * CM), right: Math.round(2.5 * CM) },
          },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
