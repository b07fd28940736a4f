import { Transform, type TransformCallback } from 'node:stream'

/** The size at which gathered chunks go out without waiting for the end of the turn. */
const GATHER_BYTES = 64 * 1024

/**
 * A pass-through for a streamed page that gathers React's many small writes (4 KB views, and
 * every long string, such as HTML rendered beforehand, on its own) into larger chunks: what is
 * written in one turn of the event loop goes out together when the turn ends, or at 64 KB. A
 * 2 MB page is then some 40 writes through the response and its compression instead of
 * thousands, and what React streams later (Suspense boundaries) still goes out at once.
 * `final` runs when the page has been written, as a PassThrough's would.
 */
export function coalescedStream(options: { final?: (callback: (error?: Error | null) => void) => void } = {}): Transform {
  let parts: Buffer[] = []
  let size = 0
  let scheduled: NodeJS.Immediate | null = null
  let stream: Transform
  const send = () => {
    if (scheduled) clearImmediate(scheduled)
    scheduled = null
    if (size === 0) return
    const chunk = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)
    parts = []
    size = 0
    stream.push(chunk)
  }
  stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      parts.push(chunk)
      size += chunk.length
      if (size >= GATHER_BYTES) send()
      else scheduled ??= setImmediate(send)
      callback()
    },
    flush(callback: TransformCallback) {
      send()
      if (options.final) options.final(callback)
      else callback()
    },
  })
  return stream
}
