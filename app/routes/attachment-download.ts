import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { data } from 'react-router'
import type { Route } from './+types/attachment-download'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { storedPath, uploadsDir } from '../.server/attachment-store.ts'

/** RFC 5987/6266: the name in UTF-8 for browsers, with a plain ASCII fallback. */
function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '') || 'download'
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** A comment's file, for whoever may read it (consultation/attachment-rules.ts: canDownloadAttachment). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const result = await servicesOf(context).consultation.readAttachment(getActor(context), params.id)
  if (!result.ok) throw data({ reason: 'not-found' }, { status: 404 })
  const { filename, mimeType, size, sha256, storageKey } = result.value
  const file = storedPath(uploadsDir(), storageKey)
  // A row whose file is not (yet) in place: the move after the commit did not happen.
  const found = await stat(file).catch(() => null)
  if (!found) throw data({ reason: 'not-found' }, { status: 404 })
  // X-Content-Type-Options: nosniff and the Content-Security-Policy come from helmet (server/main.ts) on every response.
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      'Content-Type': mimeType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(filename),
      'Cache-Control': 'private, no-store',
      ETag: `"${sha256}"`,
    },
  })
}
