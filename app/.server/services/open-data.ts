import type { Db } from '../../../drafting/db.ts'
import type { DraftScript } from '../../../drafting/language.ts'
import { loadActVersion } from '../../../drafting/export/act-version.ts'
import {
  apiListComments, apiListDrafts, apiListRounds, apiReadDraft, apiReadReport, apiReadRound, apiReadVersion,
} from '../../../consultation/open-data-api.ts'
import type { ReportLang } from '../../../consultation/report/model.ts'
import type { Clock } from '../services.ts'

/**
 * Open data bound to one database and clock: the act exports of a version (.docx, Akoma
 * Ntoso) and the read-only JSON API. Everything here is what an anonymous visitor reads.
 */
export function openDataServices({ db, clock = () => new Date() }: { db: Db; clock?: Clock }) {
  return {
    actVersion: (slug: string, seq: number, script?: DraftScript) => loadActVersion(db, slug, seq, { script }),
    drafts: () => apiListDrafts(db, clock()),
    draft: (slug: string) => apiReadDraft(db, slug, clock()),
    version: (slug: string, seq: number, script?: DraftScript) => apiReadVersion(db, slug, seq, script),
    rounds: () => apiListRounds(db, clock()),
    round: (roundId: string) => apiReadRound(db, roundId, clock()),
    comments: (roundId: string, page: number) => apiListComments(db, roundId, page, clock()),
    report: (roundId: string, lang?: ReportLang) => apiReadReport(db, roundId, lang, clock()),
    now: clock,
  }
}
export type OpenDataServices = ReturnType<typeof openDataServices>
