import { useTranslation } from 'react-i18next'

/** A round's state as a badge: planned, open, closed, report published. */
export function RoundStateBadge({ state }: { state: string }) {
  const { t } = useTranslation()
  return <span className={`badge badge--round-${state}`}>{t(`round.state.${state}`)}</span>
}
