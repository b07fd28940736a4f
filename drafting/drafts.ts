import type { Node } from 'prosemirror-model'
import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import { INSTITUTION_KINDS, isAdmin } from '../accounts/permissions.ts'
import type { Db } from './db.ts'
import { parseDocument } from './document.ts'
import type { NewDraft } from './inputs.ts'
import { newNodeId } from './node-id.ts'
import { canCreateDraft } from './permissions.ts'
import { fail, ok, type Result } from './result.ts'
import { toLatin } from './transliteration.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import { slugify } from '../accounts/slug.ts'

// Starting a draft: the work (Draft), its working copy, its first owner — one transaction.

/**
 * What a new draft is made of: the form's fields and, optionally, its text.
 * - `title`: the draft's title; empty means "the title of `doc`" (an imported act);
 * - `doc`: ProseMirror JSON of the act; absent means a minimal act, the title and one
 *   empty article, for the working group to write.
 */
export type DraftCreation = Omit<NewDraft, 'summary'> & { summary?: string | null; doc?: unknown }

/**
 * Why a draft was not created:
 * - `forbidden`: only administrators and staff of the owning institution start drafts,
 *   and only a verified ministry or public institution owns one;
 * - `invalid-document`: the given text is not a valid act of the legal schema.
 */
export type CreateDraftProblem = 'forbidden' | 'invalid-document'

/** Slugs that name pages rather than drafts (`/drafts/new`). */
const RESERVED_SLUGS = new Set(['new'])

/** An address-friendly form of a title, in Latin letters: "Zakon o socijalnim uslugama" → "zakon-o-socijalnim-uslugama". */
export function slugifyTitle(title: string): string {
  return slugify(toLatin(title), 80) || 'nacrt'
}

/** The text of an act's title ("ZAKON O SOCIJALNIM USLUGAMA"); empty when it has none. */
export function actTitle(doc: Node): string {
  const first = doc.firstChild
  return first?.type.name === 'title' ? first.textContent.trim() : ''
}

/** A minimal act: the title and one empty article with one paragraph. */
function emptyAct(title: string): unknown {
  return {
    type: 'doc',
    content: [
      { type: 'title', content: title ? [{ type: 'text', text: title }] : [] },
      {
        type: 'article',
        attrs: { id: newNodeId(), num: null },
        content: [{ type: 'paragraph', attrs: { id: newNodeId(), num: null }, content: [{ type: 'text_block' }] }],
      },
    ],
  }
}

/** The doc with its title node filled in, when the text had none. */
function withTitle(doc: Node, title: string): unknown {
  const json = doc.toJSON() as { content: { type: string; content?: unknown[] }[] }
  const first = json.content[0]
  if (first?.type === 'title' && !actTitle(doc)) first.content = [{ type: 'text', text: title }]
  return json
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002'

/**
 * Starts a draft owned by a verified institution, with its working copy (checked against
 * the legal schema), the creator as its owner, and a `draft.created` audit event. The slug
 * comes from the title, with -2, -3 … when it is taken. Throws a RangeError when neither
 * the title nor the document gives a title: the caller checks that first.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  input: DraftCreation,
  now: Date,
): Promise<Result<{ slug: string }, CreateDraftProblem>> {
  if (!actor.userId || !canCreateDraft(actor, input.ownerId)) return fail('forbidden')
  const owner = await db.organisation.findUnique({ where: { id: input.ownerId }, select: { id: true, kind: true, verification: true } })
  if (!owner || owner.verification !== 'verified' || !INSTITUTION_KINDS.has(owner.kind)) return fail('forbidden')

  let doc: Node
  let title = input.title.trim()
  if (input.doc === undefined) {
    if (!title) throw new RangeError('A new draft needs a title')
    const parsed = parseDocument(emptyAct(title))
    if (!parsed.ok) throw new Error(`The empty act is not valid: ${parsed.reason}`)
    doc = parsed.value
  } else {
    const parsed = parseDocument(input.doc)
    if (!parsed.ok) return fail('invalid-document')
    title ||= actTitle(parsed.value)
    if (!title) throw new RangeError('A new draft needs a title: none was given and the document has none')
    const titled = parseDocument(withTitle(parsed.value, title))
    if (!titled.ok) return fail('invalid-document')
    doc = titled.value
  }

  const userId = actor.userId
  const base = slugifyTitle(title)
  const json = doc.toJSON() as Prisma.InputJsonValue
  // Two drafts with the same title at once: the unique slug refuses the second, which takes the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = await freeSlug(db, base)
    try {
      await db.$transaction(async (tx) => {
        const draft = await tx.draft.create({
          data: {
            slug, title, documentType: input.documentType, language: input.language, script: input.script, stage: input.stage,
            numberingMode: input.numberingMode, summary: input.summary ?? null, ownerId: owner.id, createdAt: now, updatedAt: now,
          },
        })
        await tx.workingCopy.create({ data: { draftId: draft.id, doc: json, updatedAt: now } })
        await tx.draftAssignment.create({ data: { draftId: draft.id, userId, role: 'owner', createdAt: now } })
        await recordAudit(tx, {
          actorId: userId, action: 'draft.created', objectType: 'draft', objectId: draft.id,
          data: { slug, title, ownerId: owner.id, imported: input.doc !== undefined, asAdministrator: isAdmin(actor) }, at: now,
        })
      })
      return ok({ slug })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error(`Could not find a free slug for "${title}" after five attempts`)
}

async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (await db.draft.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug),
  )
  for (const slug of RESERVED_SLUGS) taken.add(slug)
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** An institution a person may start drafts for. */
export interface DraftOwnerChoice {
  id: string
  name: string
}

/**
 * The institutions the actor may start drafts for, by name: their own verified ministries
 * and public institutions where they are staff; for administrators, every one.
 */
export async function listDraftOwnerChoices(db: Db, actor: Actor): Promise<DraftOwnerChoice[]> {
  if (!actor.userId) return []
  const institutions = await db.organisation.findMany({
    where: {
      verification: 'verified',
      kind: { in: [...INSTITUTION_KINDS] },
      ...(isAdmin(actor) ? {} : { id: { in: actor.memberships.map((m) => m.organisationId) } }),
    },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
  return institutions.filter((o) => canCreateDraft(actor, o.id))
}
