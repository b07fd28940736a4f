import type { PlanProblem } from '../../consultation/plans.ts'
import type { FieldErrors } from '../components/forms.tsx'

/** The HTTP status of each reason a plan was refused. */
export const PLAN_STATUS: Record<PlanProblem, number> = {
  forbidden: 403, 'not-found': 404, 'unknown-version': 400, 'short-period': 400, 'opens-in-past': 400, 'closes-in-past': 400, locked: 409,
  'hearing-outside-period': 400, 'hearings-outside-period': 400,
}

/** Where on the plan form each refusal is shown, as translation keys. */
export function planProblemErrors(reason: PlanProblem): FieldErrors {
  switch (reason) {
    case 'short-period': return { shortPeriodReason: ['errors.round.shortPeriodReason'] }
    case 'opens-in-past': return { opensAt: ['errors.round.opensInPast'] }
    case 'closes-in-past': return { closesAt: ['errors.round.closesInPast'] }
    case 'unknown-version': return { versionSeq: ['errors.field.invalid'] }
    case 'locked': return { form: ['errors.round.locked'] }
    case 'forbidden': return { form: ['errors.round.forbidden'] }
    case 'not-found': return { form: ['errors.round.notFound'] }
    case 'hearing-outside-period': return { startsAt: ['errors.round.hearingOutsidePeriod'] }
    case 'hearings-outside-period': return { form: ['errors.round.hearingsOutsidePeriod'] }
  }
}
