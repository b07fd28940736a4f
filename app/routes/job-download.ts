import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { data } from 'react-router'
import type { Route } from './+types/job-download'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { CONTENT_TYPES } from '../../consultation/report/formats.ts'

/** The file a finished export job wrote, streamed from the exports directory. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const result = await servicesOf(context).report.jobFile(getActor(context), params.jobId)
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'job-not-found' ? 404 : 409 })
  const { path, fileName, format, size } = result.value
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
