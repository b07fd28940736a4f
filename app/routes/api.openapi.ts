import { openApiDocument } from '../.server/openapi.ts'
import { apiJson } from './api-responses.ts'

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API. */
export function loader() {
  return apiJson(openApiDocument())
}
