// `nacrt search-reindex`: builds the site search index again from the database (after a
// change of the text pipeline, docs/decisions/0016, or a restore from a backup).
import type { Db } from '../../drafting/db.ts'
import { rebuildSearchIndex } from '../../consultation/search/store.ts'
import type { Io } from '../main.ts'

/** Where the command gets its database: the tests pass one, the command line opens $DATABASE_URL. */
export interface ReindexDeps {
  openDb?: () => Promise<{ db: Db; close: () => Promise<void> }>
}

async function openDefault() {
  const { openDb } = await import('../../app/.server/db.ts')
  const db = await openDb(process.env.DATABASE_URL ?? 'file:./data/nacrt.db')
  return { db, close: () => db.$disconnect() }
}

export async function searchReindexCommand(_argv: string[], io: Io, deps: ReindexDeps = {}): Promise<number> {
  const { db, close } = await (deps.openDb ?? openDefault)()
  try {
    const counts = await rebuildSearchIndex(db)
    io.stdout.write(`Search index rebuilt: ${counts.articles} articles, ${counts.comments} comments.\n`)
    return 0
  } finally {
    await close()
  }
}
