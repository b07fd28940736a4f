import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** What an uploaded act may be: a Word document or plain text. */
export type ActKind = 'docx' | 'txt'

/**
 * Why an upload was refused (translated as errors.upload.*):
 * - `missing`: no file was chosen;
 * - `too-large`: over the size limit;
 * - `wrong-type`: neither a .docx (a zip) nor plain text, whatever its name says.
 */
export type UploadProblem = 'missing' | 'too-large' | 'wrong-type'

/**
 * Checks an uploaded act by size, name and content (a .docx must be a zip archive; a .txt
 * must not hold NUL bytes) and writes it to a private temporary file for the importer.
 * The caller removes it with `cleanup`.
 */
export async function receiveAct(
  entry: FormDataEntryValue | null,
  maxBytes: number,
): Promise<{ ok: true; file: string; name: string; cleanup: () => Promise<void> } | { ok: false; reason: UploadProblem }> {
  if (!entry || typeof entry === 'string' || entry.size === 0) return { ok: false, reason: 'missing' }
  if (entry.size > maxBytes) return { ok: false, reason: 'too-large' }
  const bytes = new Uint8Array(await entry.arrayBuffer())
  const extension = path.extname(entry.name).toLowerCase()
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const kind: ActKind | null = extension === '.docx' && isZip ? 'docx' : extension === '.txt' && !isZip && !bytes.includes(0) ? 'txt' : null
  if (!kind) return { ok: false, reason: 'wrong-type' }
  const dir = await mkdtemp(path.join(tmpdir(), 'nacrt-upload-'))
  const file = path.join(dir, `upload.${kind}`)
  await writeFile(file, bytes, { mode: 0o600 })
  return { ok: true, file, name: entry.name, cleanup: () => rm(dir, { recursive: true, force: true }) }
}
