import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import { createI18n } from '../../i18n/instance.ts'
import { DEFAULT_LOCALE, isLocale } from '../../i18n/locales.ts'
import type { AnswerFilters, AnswerInput, CommentSelection, TemplateInput } from '../../../consultation/answer-inputs.ts'
import { answerGroup, assignComments, linkChange, noticesOnReport, publishAnswers, saveAnswer, type AnswerNotice } from '../../../consultation/responses.ts'
import { answerWorkspace, groupWorkspace, listAnswerQueue } from '../../../consultation/answer-workspace.ts'
import { refreshGroups } from '../../../consultation/answer-groups.ts'
import { roundDashboard } from '../../../consultation/answer-dashboard.ts'
import type { DraftScript } from '../../../drafting/language.ts'
import { deleteTemplate, listTemplates, saveTemplate } from '../../../consultation/response-templates.ts'
import type { Mail, Mailer } from '../mailer.ts'
import type { Clock, MailContext } from '../services.ts'

/** The e-mail telling a comment's author that their comment has a public answer, in their language. */
export function answerEmail(notice: AnswerNotice, baseUrl: string): Mail {
  const { t } = createI18n(isLocale(notice.locale) ? notice.locale : DEFAULT_LOCALE)
  return {
    to: notice.to,
    subject: t('answers.email.subject', { draft: notice.draftTitle }),
    text: t('answers.email.text', {
      draft: notice.draftTitle,
      round: notice.roundTitle,
      status: t(`answers.status.${notice.status}`),
      reasoning: notice.reasoning,
      link: `${baseUrl}/account/comments`,
    }),
  }
}

/**
 * Answering comments, bound to one database, mailer and clock: what the answering routes
 * call. Authors are e-mailed after the domain's transaction has committed.
 */
export function answerServices({ db, mailer, clock = () => new Date() }: { db: Db; mailer: Mailer; clock?: Clock }) {
  const send = async (notices: AnswerNotice[], mail: MailContext) => {
    for (const notice of notices) await mailer.send(answerEmail(notice, mail.baseUrl))
  }
  return {
    queue: (actor: Actor, roundId: string, filters: AnswerFilters) => listAnswerQueue(db, actor, roundId, filters, clock()),
    workspace: (actor: Actor, roundId: string, commentId: string) => answerWorkspace(db, actor, roundId, commentId, clock()),
    group: (actor: Actor, roundId: string, groupKey: string, page = 1) => groupWorkspace(db, actor, roundId, groupKey, page, clock()),
    dashboard: (actor: Actor, roundId: string, script?: DraftScript) => roundDashboard(db, actor, roundId, clock(), { script }),
    refreshGroups: (actor: Actor, roundId: string) => refreshGroups(db, actor, roundId, clock()),

    async saveAnswer(actor: Actor, roundId: string, commentId: string, input: AnswerInput, mail: MailContext) {
      const result = await saveAnswer(db, actor, { commentId, status: input.status, reasoning: input.reasoning, mode: input.intent }, { roundId, now: clock() })
      if (result.ok) await send(result.value.notices, mail)
      return result
    },
    async answerGroup(actor: Actor, roundId: string, groupKey: string, input: AnswerInput, mail: MailContext) {
      const result = await answerGroup(db, actor, { groupKey, status: input.status, reasoning: input.reasoning, mode: input.intent }, { roundId, now: clock() })
      if (result.ok) await send(result.value.notices, mail)
      return result
    },
    async publishAnswers(actor: Actor, roundId: string, selection: CommentSelection, mail: MailContext) {
      const result = await publishAnswers(db, actor, selection, { roundId, now: clock() })
      if (result.ok) await send(result.value.notices, mail)
      return result
    },
    /** For publishing a round's report: tells the authors whose answers the round held back for it. */
    async notifyReportPublished(roundId: string, mail: MailContext) {
      await send(await noticesOnReport(db, roundId), mail)
    },
    assignComments: (actor: Actor, roundId: string, selection: CommentSelection, assigneeId: string | null) =>
      assignComments(db, actor, { selection, assigneeId }, { roundId, now: clock() }),
    linkChange: (actor: Actor, roundId: string, commentId: string, versionSeq: number | null) =>
      linkChange(db, actor, { commentId, versionSeq }, { roundId, now: clock() }),

    templates: (actor: Actor, roundId: string) => listTemplates(db, actor, roundId, clock()),
    saveTemplate: (actor: Actor, roundId: string, input: TemplateInput & { templateId?: string }) => saveTemplate(db, actor, input, { roundId, now: clock() }),
    deleteTemplate: (actor: Actor, roundId: string, templateId: string) => deleteTemplate(db, actor, templateId, { roundId, now: clock() }),
  }
}
export type AnswerServices = ReturnType<typeof answerServices>
