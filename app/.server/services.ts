import type { Db } from '../../drafting/db.ts'
import { readDraft } from '../../drafting/reading.ts'
import { listDrafts } from '../../consultation/draft-listing.ts'

/** A clock, so that tests can fix "now". */
export type Clock = () => Date

/**
 * The domain bound to one database and one clock: what routes call. Routes never see
 * the database handle itself.
 */
export function bindServices(db: Db, clock: Clock = () => new Date()) {
  return {
    drafting: {
      readDraft: (slug: string, options?: { versionSeq?: number }) => readDraft(db, slug, options),
    },
    consultation: {
      listDrafts: () => listDrafts(db, clock()),
    },
    health: async () => {
      await db.$queryRawUnsafe('SELECT 1')
      return { database: 'ok' as const }
    },
  }
}
export type Services = ReturnType<typeof bindServices>
