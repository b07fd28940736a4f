import { apiError } from './api-responses.ts'

/** Any other /api/v1/ address: a JSON 404, not the site's page. */
export function loader() {
  return apiError(404, 'not-found')
}
