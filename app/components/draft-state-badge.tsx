import { useTranslation } from 'react-i18next'
import type { DraftPublicState } from '../../consultation/round-state.ts'

export function DraftStateBadge({ state }: { state: DraftPublicState }) {
  const { t } = useTranslation()
  return <span className={`badge badge--${state}`}>{t(`draftState.${state}`)}</span>
}
