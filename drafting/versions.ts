import { z } from 'zod'
import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db, Tx } from './db.ts'
import { parseDocument } from './document.ts'
import { canSaveVersion, loadDraftAccess } from './permissions.ts'
import { fail, ok, type Result } from './result.ts'
import type { Prisma } from '../generated/prisma/client.ts'

/** A named version to save: "Radni materijal 2", "Nacrt za javne konsultacije". */
export const NewVersion = z.object({
  name: z.string().trim().min(2, 'errors.field.required').max(120, 'errors.field.tooLong'),
  note: z
    .string()
    .trim()
    .max(2000, 'errors.field.tooLong')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
})
export type NewVersion = z.infer<typeof NewVersion>

/**
 * Why a version could not be saved:
 * - `not-found`: no such draft or working copy;
 * - `forbidden`: only the working group (owners, editors) and administrators save versions;
 * - `invalid-document`: the working copy does not pass the schema (it cannot, once saved;
 *   this guards against a copy written around the domain);
 * - `name-taken`: the draft already has a version of that name.
 */
export type SaveVersionProblem = 'not-found' | 'forbidden' | 'invalid-document' | 'name-taken'

/**
 * Freezes the working copy as the next named version (seq 1, 2, …). Versions are never
 * changed afterwards; rounds consult them and diffs compare them. `onSaved` runs in the
 * same transaction (consultation indexes the version's articles for site search with it).
 */
export async function saveVersion(
  db: Db,
  actor: Actor,
  slug: string,
  input: NewVersion,
  now: Date,
  onSaved?: (tx: Tx, versionId: string) => Promise<unknown>,
): Promise<Result<{ seq: number; id: string }, SaveVersionProblem>> {
  const draft = await db.draft.findUnique({ where: { slug }, select: { id: true, workingCopy: { select: { doc: true, revision: true } } } })
  if (!draft || !draft.workingCopy) return fail('not-found')
  const access = await loadDraftAccess(db, actor, draft.id)
  if (!access || !canSaveVersion(actor, access)) return fail('forbidden')
  if (!parseDocument(draft.workingCopy.doc).ok) return fail('invalid-document')
  const taken = await db.version.findFirst({ where: { draftId: draft.id, name: input.name }, select: { id: true } })
  if (taken) return fail('name-taken')
  // Two people saving at once: the unique (draftId, seq) index refuses the second, which retries.
  for (let attempt = 0; attempt < 3; attempt++) {
    const last = await db.version.findFirst({ where: { draftId: draft.id }, orderBy: { seq: 'desc' }, select: { seq: true } })
    const seq = (last?.seq ?? 0) + 1
    try {
      const version = await db.$transaction(async (tx) => {
        const version = await tx.version.create({
          data: {
            draftId: draft.id, seq, name: input.name, note: input.note, authorId: actor.userId,
            doc: draft.workingCopy!.doc as Prisma.InputJsonValue, createdAt: now,
          },
        })
        await tx.draft.update({ where: { id: draft.id }, data: { updatedAt: now } })
        await onSaved?.(tx, version.id)
        await recordAudit(tx, {
          actorId: actor.userId, action: 'version.saved', objectType: 'version', objectId: version.id,
          data: { seq, name: input.name, fromRevision: draft.workingCopy!.revision }, at: now,
        })
        return version
      })
      return ok({ seq, id: version.id })
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error
    }
  }
  throw new Error('Could not allocate a version number after three attempts')
}

/** A version in the list: who saved it and when. */
export interface VersionListItem {
  seq: number
  name: string
  note: string | null
  author: string | null
  createdAt: Date
}

/** A draft's versions, newest first, with their authors. */
export async function listVersions(db: Db, slug: string): Promise<VersionListItem[] | null> {
  const draft = await db.draft.findUnique({
    where: { slug },
    select: { versions: { orderBy: { seq: 'desc' }, select: { seq: true, name: true, note: true, createdAt: true, author: { select: { name: true } } } } },
  })
  if (!draft) return null
  return draft.versions.map((v) => ({ seq: v.seq, name: v.name, note: v.note, author: v.author?.name ?? null, createdAt: v.createdAt }))
}
