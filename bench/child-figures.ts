// Figures measured once, in a process of their own (NODE_ENV=production, so React runs its
// production build as `npm start` does), the first time one of them is asked for. The
// child prints its figures as one JSON object on its last line of stdout.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Figure } from './measure.ts'

const root = path.resolve(import.meta.dirname, '..')

/** Figures named `names` (with their units), all taken from one run of `bench/<child>`. */
export function childFigures(child: string, names: readonly (readonly [name: string, unit: string])[]): Figure[] {
  let results: Record<string, number> | undefined
  const measured = (): Record<string, number> => {
    if (results) return results
    const out = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bench', child)], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    })
    results = JSON.parse(out.toString().trim().split('\n').pop()!) as Record<string, number>
    return results
  }
  return names.map(([name, unit]) => ({ name, unit, measure: () => measured()[name] ?? NaN }))
}
