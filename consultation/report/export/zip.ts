import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { crc32, createDeflateRaw, inflateRawSync } from 'node:zlib'

// Just enough ZIP for Office files: a writer that streams entries (deflated, with data
// descriptors, so nothing needs to be known in advance) and a reader for the small
// packages the docx library makes. Node has deflate and CRC-32; a dependency for the
// container alone is not worth it (see docs/decisions/0020-report-and-exports.md).

const LOCAL_HEADER = 0x04034b50
const DATA_DESCRIPTOR = 0x08074b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
// Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8.
const FLAGS = 0x0808
// 1 January 1980, 00:00: the same bytes for the same report.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

interface Written {
  name: Buffer
  crc: number
  compressed: number
  size: number
  offset: number
}

/** Writes a ZIP file entry by entry to a stream, waiting for it to drain. */
export class ZipWriter {
  private offset = 0
  private readonly entries: Written[] = []

  constructor(private readonly out: Writable) {}

  private async write(data: Buffer): Promise<void> {
    this.offset += data.length
    if (!this.out.write(data)) await once(this.out, 'drain')
  }

  /** Adds one entry; `content` may be produced piece by piece. */
  async add(name: string, content: Buffer | string | AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void> {
    const entry: Written = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.offset }
    const header = Buffer.alloc(30)
    header.writeUInt32LE(LOCAL_HEADER, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(FLAGS, 6)
    header.writeUInt16LE(8, 8)
    header.writeUInt16LE(DOS_TIME, 10)
    header.writeUInt16LE(DOS_DATE, 12)
    header.writeUInt16LE(entry.name.length, 26)
    await this.write(header)
    await this.write(entry.name)

    const source = typeof content === 'string' || Buffer.isBuffer(content) ? [content] : content
    const deflate = createDeflateRaw({ level: 6 })
    const feeding = (async () => {
      for await (const piece of source) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
        if (bytes.length === 0) continue
        entry.crc = crc32(bytes, entry.crc)
        entry.size += bytes.length
        if (!deflate.write(bytes)) await once(deflate, 'drain')
      }
      deflate.end()
    })()
    feeding.catch((error: unknown) => deflate.destroy(error as Error))
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      entry.compressed += chunk.length
      await this.write(chunk)
    }
    await feeding

    const descriptor = Buffer.alloc(16)
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0)
    descriptor.writeUInt32LE(entry.crc >>> 0, 4)
    descriptor.writeUInt32LE(entry.compressed, 8)
    descriptor.writeUInt32LE(entry.size, 12)
    await this.write(descriptor)
    this.entries.push(entry)
  }

  /** Writes the central directory. The stream is left open for the caller to end. */
  async finish(): Promise<void> {
    const start = this.offset
    for (const e of this.entries) {
      const header = Buffer.alloc(46)
      header.writeUInt32LE(CENTRAL_HEADER, 0)
      header.writeUInt16LE(20, 4)
      header.writeUInt16LE(20, 6)
      header.writeUInt16LE(FLAGS, 8)
      header.writeUInt16LE(8, 10)
      header.writeUInt16LE(DOS_TIME, 12)
      header.writeUInt16LE(DOS_DATE, 14)
      header.writeUInt32LE(e.crc >>> 0, 16)
      header.writeUInt32LE(e.compressed, 20)
      header.writeUInt32LE(e.size, 24)
      header.writeUInt16LE(e.name.length, 28)
      header.writeUInt32LE(e.offset, 42)
      await this.write(header)
      await this.write(e.name)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0)
    end.writeUInt16LE(this.entries.length, 8)
    end.writeUInt16LE(this.entries.length, 10)
    end.writeUInt32LE(this.offset - start, 12)
    end.writeUInt32LE(start, 16)
    await this.write(end)
  }
}

/** The entries of a ZIP file held in memory, in their order, by name. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw new RangeError('Not a ZIP file: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const out = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new RangeError('Broken ZIP central directory')
    const method = zip.readUInt16LE(at + 10)
    const compressed = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(dataStart, dataStart + compressed)
    if (method !== 0 && method !== 8) throw new RangeError(`Unsupported ZIP compression method ${method} for ${name}`)
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    at += 46 + nameLength + extraLength + commentLength
  }
  return out
}
