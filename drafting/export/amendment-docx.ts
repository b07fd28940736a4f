import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx'

/**
 * The amending law as a Word document, laid out as the drafting rules write an act: the
 * title centred in capitals, each article's label centred, its text justified, page
 * numbers in the footer. `articles` are amendmentText's strings ("Član 1.\n…").
 */
export async function amendmentDocx(title: string, articles: readonly string[]): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: title.toUpperCase(), bold: true, size: 26 })] }),
  ]
  for (const article of articles) {
    const [label, ...lines] = article.split('\n')
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: label ?? '', bold: true })] }))
    for (const line of lines) {
      if (line.trim() === '') continue
      body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun(line)] }))
    }
  }
  const doc = new Document({
    creator: 'Nacrt',
    title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
