import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

/** What a round's call tells the public: how long is left, the campaign texts, how to take part, hearings, contact. */
export interface RoundCallView {
  state: string
  opensAt: string
  closesAt: string
  summary: string | null
  whyItMatters: string | null
  targetGroups: string | null
  methods: string[]
  contactName: string | null
  contactEmail: string | null
  shortPeriodReason: string | null
  hearings: { id: string; startsAt: string; place: string; agenda: string | null }[]
}

/** Whole days and hours from `now` to `until`; null once it has passed. */
export function timeLeft(until: string, now: string): { days: number; hours: number } | null {
  const ms = Date.parse(until) - Date.parse(now)
  if (ms <= 0) return null
  return { days: Math.floor(ms / 86_400_000), hours: Math.floor((ms % 86_400_000) / 3_600_000) }
}

/** The call for comments: deadline and time left, the campaign summary, methods, hearings, contact. */
export function RoundCall({ round, now, locale }: { round: RoundCallView; now: string; locale: Locale }) {
  const { t } = useTranslation()
  const left = round.state === 'open' ? timeLeft(round.closesAt, now) : null
  return (
    <div className="round-call">
      <p className="round-call__deadline">
        {round.state === 'planned' && t('round.public.opensOn', { date: formatDateTime(round.opensAt, locale) })}
        {round.state === 'open' && t('round.public.closesOn', { date: formatDateTime(round.closesAt, locale) })}
        {(round.state === 'closed' || round.state === 'report-published') && t('round.public.closedOn', { date: formatDateTime(round.closesAt, locale) })}
      </p>
      {left && (
        <p className="round-call__left">
          <strong>{left.days > 0 ? t('round.public.daysLeft', { count: left.days }) : t('round.public.hoursLeft', { count: left.hours })}</strong>
        </p>
      )}
      {round.summary && (
        <section aria-labelledby="campaign-title">
          <h2 id="campaign-title">{t('round.public.summaryTitle')}</h2>
          <p className="round-call__summary">{round.summary}</p>
        </section>
      )}
      {round.whyItMatters && (
        <section aria-labelledby="why-title">
          <h2 id="why-title">{t('round.public.whyTitle')}</h2>
          <p>{round.whyItMatters}</p>
        </section>
      )}
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('round.public.howTitle')}</h2>
        <ul>
          {round.methods.map((m) => <li key={m}>{t(`round.method.${m}`)}</li>)}
        </ul>
        {round.targetGroups && <p><strong>{t('round.plan.targetGroups')}:</strong> {round.targetGroups}</p>}
        {(round.contactName || round.contactEmail) && (
          <p>
            <strong>{t('round.public.contact')}:</strong> {round.contactName}
            {round.contactEmail && <> · <a href={`mailto:${round.contactEmail}`}>{round.contactEmail}</a></>}
          </p>
        )}
        {round.shortPeriodReason && <p className="muted">{t('round.public.shortReason', { reason: round.shortPeriodReason })}</p>}
      </section>
      {round.hearings.length > 0 && (
        <section aria-labelledby="public-hearings-title">
          <h2 id="public-hearings-title">{t('round.hearings.title')}</h2>
          <ul className="hearing-list">
            {round.hearings.map((h) => (
              <li key={h.id}>
                <strong><time dateTime={h.startsAt}>{formatDateTime(h.startsAt, locale)}</time></strong> · {h.place}
                {h.agenda && <p className="hearing__agenda">{h.agenda}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
