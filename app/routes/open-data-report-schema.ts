import { openDataJsonSchema } from '../../consultation/report/export/open-data.ts'

/** The JSON Schema of a report's open data (docs/open-data/report.schema.json), for anyone. */
export function loader() {
  return Response.json(openDataJsonSchema(), { headers: { 'Cache-Control': 'public, max-age=3600', 'Content-Type': 'application/schema+json' } })
}
