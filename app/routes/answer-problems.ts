import { data } from 'react-router'
import type { FieldErrors } from '../components/forms.tsx'
import type { AnsweringProblem } from '../../consultation/answer-access.ts'
import type { AssignProblem, GroupAnswerProblem, LinkChangeProblem, SaveAnswerProblem } from '../../consultation/responses.ts'
import type { TemplateProblem } from '../../consultation/response-templates.ts'

// The answering routes' refusals: an HTTP status and a translated message for each reason.

type Problem = AnsweringProblem | SaveAnswerProblem | GroupAnswerProblem | AssignProblem | LinkChangeProblem | TemplateProblem | 'none-selected'

const STATUS: Record<Problem, number> = {
  'round-not-found': 404,
  forbidden: 403,
  'comment-not-found': 404,
  'group-not-found': 404,
  'template-not-found': 404,
  'unknown-status': 400,
  'reasoning-required': 400,
  'already-published': 409,
  'not-assignable': 400,
  'not-answered': 409,
  'not-accepted': 409,
  'version-not-found': 400,
  'not-a-later-version': 400,
  'no-change': 409,
  'none-selected': 400,
}

/** Where a refusal is shown on the form, as translation keys. */
function errorsFor(reason: Problem): FieldErrors {
  if (reason === 'reasoning-required') return { reasoning: ['answers.errors.reasoning-required'] }
  if (reason === 'unknown-status') return { status: ['answers.errors.unknown-status'] }
  return { form: [`answers.errors.${reason}`] }
}

/** The action's answer to a refused command: the status, and the messages where they belong (`about`: which form). */
export function refused(reason: Problem, about?: string) {
  return data({ errors: errorsFor(reason), about }, { status: STATUS[reason] })
}

/** The loader's answer when the page cannot be shown: the error page for 403 or 404. */
export function notShown(reason: AnsweringProblem | 'comment-not-found' | 'group-not-found'): never {
  throw data({ reason }, { status: STATUS[reason] })
}
