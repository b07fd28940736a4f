// Figures of validating and rendering a long act, for bench/run.ts to register.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { Node } from 'prosemirror-model'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { parseDocument } from '../drafting/document.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { legalSchema } from '../drafting/schema.ts'
import { LegalText } from '../app/components/legal-text.tsx'
import { createI18n } from '../app/i18n/instance.ts'
import { medianMs } from './measure.ts'

/** A generated act of about `articles` articles: the sample law's body repeated. */
function act(articles: number): unknown {
  const text = readFileSync(path.resolve(import.meta.dirname, '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')
  const body = text.split('\nOBRAZLOŽENJE')[0]!.replace(/^ZAKON[^\n]*\n/, '')
  const perCopy = (body.match(/^Član \d+\./gm) ?? []).length
  const copies = Math.ceil(articles / perCopy)
  return importPlainText(`ZAKON O PROBI\n${Array.from({ length: copies }, () => body).join('\n')}`).toJSON()
}

export function renderFigures() {
  let json: unknown
  const doc = () => (json ??= act(500))
  const i18n = createI18n('bs')
  const html = () => {
    const outline = outlineDocument(Node.fromJSON(legalSchema, doc() as Record<string, unknown>), { language: 'bs', script: 'latn' })
    return renderToString(createElement(I18nextProvider, { i18n }, createElement(LegalText, { outline })))
  }
  return [
    { name: 'validate-500', unit: 'ms', measure: () => medianMs(() => parseDocument(doc()), 20) },
    {
      name: 'validate-500-schema-only',
      unit: 'ms',
      measure: () => medianMs(() => Node.fromJSON(legalSchema, doc() as Record<string, unknown>).check(), 20),
    },
    { name: 'render-500', unit: 'ms', measure: () => medianMs(html, 10) },
    { name: 'render-500-html', unit: 'KiB', measure: () => Buffer.byteLength(html()) / 1024 },
  ]
}
