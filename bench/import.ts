// Figures of the importer, for bench/run.ts to register: each is `{ name, unit, measure }`.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { importLegalText } from '../drafting/plain-text-import.ts'
import { medianMs } from './measure.ts'

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'laws')

/** The largest real act in shared/fixtures/laws, as stored (source line, note and defects included). */
function largestFixture(): string {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))
  const largest = files.reduce((a, b) => (statSync(path.join(FIXTURES, a)).size >= statSync(path.join(FIXTURES, b)).size ? a : b))
  return readFileSync(path.join(FIXTURES, largest), 'utf8')
}

/** `import-largest-fixture`: repairing and reading the largest fixture into a document, in ms. */
export function importFigures(): { name: string; unit: string; measure: () => number }[] {
  return [
    {
      name: 'import-largest-fixture',
      unit: 'ms',
      measure: () => {
        const text = largestFixture()
        return medianMs(() => importLegalText(text), 50)
      },
    },
  ]
}
