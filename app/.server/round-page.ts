import { randomUUID } from 'node:crypto'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import type { i18n } from 'i18next'
import type { DocumentOutline, OutlineArticle, OutlineUnit } from '../../drafting/outline.ts'
import type { PublicComment, PublicRound } from '../../consultation/public-round.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { ArticleText } from '../components/legal-text.tsx'
import { StaticSectionComments, previewKey, type PreviewSection } from '../components/comment-previews.tsx'
import { provideServerFragments, type FragmentSet, type Fragments } from '../components/html-fragments.ts'
import { createI18n } from '../i18n/instance.ts'
import type { Locale } from '../i18n/locales.ts'
import { presentPreviews } from '../routes/comment-view.ts'
import type { Services } from './services.ts'
import type { Actor } from '../../accounts/actor.ts'
import type { DraftScript } from '../../drafting/language.ts'

// The public page of a round shows a 500-article act with ~1,500 comment previews. Rendering
// all of that with React on every request costs far more than the page's time budget, so
// both are rendered to HTML by their own components once and kept here:
// - an article's text once per saved version laid out in a script (the outline object that
//   drafting/reading.ts keeps for it: a saved version never changes) and interface language;
// - the comment sections of a round once per `commentsKey` (consultation/public-round.ts:
//   counted by the database whenever anything the public reads of its comments changes),
//   language, and whether the reader is signed in (their links differ).
// Keys derive from immutable or database-held data, so several instances stay correct. The
// browser does not get this HTML a second time as data (app/components/html-fragments.ts).

const SETS_KEPT = 48
const sets = new Map<string, { fragments: Fragments; family: string | undefined }>()
const pending = new Map<string, Promise<unknown>>()

provideServerFragments((key) => sets.get(key)?.fragments)

function keep(set: FragmentSet, fragments: Fragments): void {
  sets.delete(set.key)
  sets.set(set.key, { fragments, family: set.family })
  while (sets.size > SETS_KEPT) sets.delete(sets.keys().next().value!)
}

function touch(set: FragmentSet): boolean {
  const entry = sets.get(set.key)
  if (entry) keep(set, entry.fragments)
  return entry !== undefined
}

const i18ns = new Map<Locale, i18n>()
function i18nFor(locale: Locale): i18n {
  return i18ns.get(locale) ?? i18ns.set(locale, createI18n(locale)).get(locale)!
}

/**
 * Static HTML of `element` as the page would render it (translations and links work). Its
 * links stay plain links in the browser, so they go without the router's `data-discover`
 * mark, which would only make the router look up thousands of routes ahead.
 */
function renderStatic(element: ReactElement, locale: Locale): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(MemoryRouter, null, element)))
    .replaceAll(' data-discover="true"', '')
}

// An outline object stands for one saved version in one layout; its number (with this
// process's own token, as browsers keep sets by key whichever instance answered) names it.
const PROCESS_TOKEN = randomUUID().slice(0, 8)
const outlineSerials = new WeakMap<DocumentOutline, number>()
let nextSerial = 1
function outlineSerial(outline: DocumentOutline): number {
  return outlineSerials.get(outline) ?? outlineSerials.set(outline, nextSerial++).get(outline)!
}

/** The text of each article of `outline` (by article id), rendered by <ArticleText> once. */
export function articleTextSet(outline: DocumentOutline, locale: Locale): FragmentSet {
  const set = { key: `t${outlineSerial(outline)}.${locale}.${PROCESS_TOKEN}`, kind: 't' }
  if (!touch(set)) {
    keep(set, new Map(articlesOf(outline).map((a) => [a.id, renderStatic(createElement(ArticleText, { article: a }), locale)])))
  }
  return set
}

/** The HTML of a set kept here, by fragment id (for the route that sends a set on its own). */
export function fragmentsOfSet(set: FragmentSet): Record<string, string> {
  return Object.fromEntries(sets.get(set.key)?.fragments ?? [])
}

/**
 * The fragments of `set` that differ from those of the set `since`, when this process
 * still keeps both and they are of one family (a round's comment sections in one variant):
 * after a new comment, one section instead of all of them. Null when it cannot tell.
 */
export function fragmentChangesSince(set: FragmentSet, since: string): Record<string, string> | null {
  const now = sets.get(set.key)
  const before = sets.get(since)
  if (!now || !before || now.family === undefined || before.family !== now.family) return null
  const changes: Record<string, string> = {}
  for (const [id, html] of now.fragments) if (before.fragments.get(id) !== html) changes[id] = html
  return changes
}

/** What the page shows of a round's comments besides the previews: the counts. */
export interface CommentCounts {
  total: number
  countsByArticle: Record<string, number>
  generalCount: number
  memorandumCount: number
}

/** What one comment section shows: its count and its first few comments (as read, not yet presented). */
interface SectionData {
  count: number
  shown: PublicComment[]
}
const EMPTY_SECTION: SectionData = { count: 0, shown: [] }

/**
 * What this process knows of a round's comments: each section's data as of its revision
 * (sectionRevisions, counted by the database), valid while `base` (commentsBase: answers,
 * names, state and publication settings) stays. A section's data object is replaced only when
 * what it shows changed, so renderings are kept by that object.
 */
interface RoundComments {
  key: string
  base: string
  revisions: Map<string, number>
  sections: Map<string, SectionData>
  counts: CommentCounts
}
const ROUNDS_KEPT = 16
const rounds = new Map<string, RoundComments>()
const roundUpdates = new Map<string, Promise<RoundComments>>()

/** The comment sections as rendered in one variant of the page (language, signed-in state, text set, open or not), by section key. */
const VARIANTS_KEPT = 48
const variants = new Map<string, Map<string, { data: SectionData; html: string }>>()

/** How many comment sections this process has rendered (tests and the benchmark read it). */
export const renderedSections = { count: 0 }

/** Forgets every round's comments and their renderings, as a new process would start (for the benchmark). */
export function forgetRoundComments(): void {
  rounds.clear()
  variants.clear()
  for (const key of [...sets.keys()]) if (key.startsWith('c.')) sets.delete(key)
}

/** Above this many changed sections, the whole round is read again in one query. */
const MAX_SECTIONS_APART = 64

/**
 * The round's comments as of `round.commentsKey` or later. After a change of its comments
 * only the sections whose revision moved are read again (revisions first, then the data,
 * so the data is never older than the revisions kept with it); after a change of the base
 * everything is, and sections that read the same as before keep their data object. One
 * update per round at a time.
 */
function roundComments(services: Services, round: PublicRound): Promise<RoundComments> {
  const known = rounds.get(round.id)
  if (known?.key === round.commentsKey) return Promise.resolve(known)
  const previous = roundUpdates.get(round.id)
  const update = (async () => {
    await previous?.catch(() => {})
    const before = rounds.get(round.id)
    if (before?.key === round.commentsKey) return before
    const revisions = await services.rounds.sectionRevisions(round.id)
    const sections = new Map(before?.base === round.commentsBase ? before.sections : [])
    let changed: string[] | undefined
    if (before?.base === round.commentsBase) {
      changed = [...new Set([...revisions.keys(), ...before.revisions.keys()])].filter((k) => revisions.get(k) !== before.revisions.get(k))
      if (changed.length > MAX_SECTIONS_APART) changed = undefined
    }
    const preview = await services.rounds.previewComments(round.id, changed)
    const read = (key: string): SectionData => {
      const count = key === 'general' ? preview.generalCount : key === 'memorandum' ? preview.memorandumCount : preview.countsByArticle[key] ?? 0
      return count === 0 ? EMPTY_SECTION : { count, shown: preview.previews[key] ?? [] }
    }
    if (changed) {
      for (const key of changed) sections.set(key, read(key))
    } else {
      sections.clear()
      const keys = new Set([...Object.keys(preview.countsByArticle), 'general', 'memorandum'])
      for (const key of keys) {
        const data = read(key)
        const old = before?.sections.get(key)
        // Unchanged sections keep their object, and so their renderings.
        sections.set(key, old && sameSection(old, data) ? old : data)
      }
    }
    for (const [key, data] of sections) if (data === EMPTY_SECTION) sections.delete(key)
    const counts: CommentCounts = { total: 0, countsByArticle: {}, generalCount: 0, memorandumCount: 0 }
    for (const [key, data] of sections) {
      counts.total += data.count
      if (key === 'general') counts.generalCount = data.count
      else if (key === 'memorandum') counts.memorandumCount = data.count
      else counts.countsByArticle[key] = data.count
    }
    const next: RoundComments = { key: round.commentsKey, base: round.commentsBase, revisions, sections, counts }
    rounds.delete(round.id)
    rounds.set(round.id, next)
    while (rounds.size > ROUNDS_KEPT) rounds.delete(rounds.keys().next().value!)
    return next
  })()
  roundUpdates.set(round.id, update)
  void update.finally(() => {
    if (roundUpdates.get(round.id) === update) roundUpdates.delete(round.id)
  }).catch(() => {})
  return update
}

function sameSection(a: SectionData, b: SectionData): boolean {
  return a.count === b.count && JSON.stringify(a.shown) === JSON.stringify(b.shown)
}

/**
 * How a page shows a round's comment sections: `round`, the round's own page (shown openly,
 * with a link to share each article); `reading`, the reading page of the consulted version
 * (each article's comments folded under "Show the comments on Article N").
 */
export type CommentsView = 'round' | 'reading'
type CommentSetOptions = { locale: Locale; signedIn: boolean; textSet: FragmentSet; view?: CommentsView }

/**
 * The counts of a round's public comments, and its comment sections (by article id,
 * "general", "memorandum") rendered by <StaticSectionComments>: a section is rendered again
 * only when what it shows changed, so a new comment costs the rendering of its own section.
 * Concurrent requests for the same set wait for one rendering.
 */
export async function roundCommentSet(
  services: Services,
  round: PublicRound,
  outline: DocumentOutline,
  o: CommentSetOptions,
): Promise<{ set: FragmentSet; counts: CommentCounts }> {
  const variant = `${o.view ?? 'round'}.${o.locale}.${o.signedIn ? 'in' : 'out'}.${o.textSet.key}`
  const set = { key: `c.${round.commentsKey}.${variant}`, kind: 'c', family: `c.${round.id}.${variant}` }
  const known = rounds.get(round.id)
  if (known?.key === round.commentsKey && touch(set)) return { set, counts: known.counts }
  const rendering = (pending.get(set.key) as Promise<CommentCounts> | undefined) ?? renderComments(services, round, outline, o, set)
  pending.set(set.key, rendering)
  try {
    return { set, counts: await rendering }
  } finally {
    pending.delete(set.key)
  }
}

async function renderComments(
  services: Services,
  round: PublicRound,
  outline: DocumentOutline,
  o: CommentSetOptions,
  set: FragmentSet,
): Promise<CommentCounts> {
  const comments = await roundComments(services, round)
  const open = round.state === 'open'
  const view = o.view ?? 'round'
  const variantKey = `${round.id}.${view}.${o.locale}.${o.signedIn ? 'in' : 'out'}.${o.textSet.key}.${open ? 'open' : 'shut'}`
  const rendered = variants.get(variantKey) ?? new Map<string, { data: SectionData; html: string }>()
  variants.delete(variantKey)
  variants.set(variantKey, rendered)
  while (variants.size > VARIANTS_KEPT) variants.delete(variants.keys().next().value!)
  const sections: PreviewSection[] = [
    ...articlesOf(outline).map((a): PreviewSection => ({ kind: 'article', id: a.id, number: a.number, anchor: a.anchor })),
    { kind: 'general' },
    ...(outline.memorandum ? [{ kind: 'memorandum' } as const] : []),
  ]
  const roundView = { id: round.id, open }
  const fragments = new Map<string, string>()
  for (const section of sections) {
    const id = previewKey(section)
    const data = comments.sections.get(id) ?? EMPTY_SECTION
    let kept = rendered.get(id)
    if (kept?.data !== data) {
      renderedSections.count++
      const shown = data.shown.length > 0 ? presentPreviews({ [id]: data.shown }, outline)[id]! : []
      kept = {
        data,
        html: renderStatic(createElement(StaticSectionComments, {
          section, count: data.count, shown, round: roundView, signedIn: o.signedIn, locale: o.locale,
          ...(view === 'reading'
            ? { share: false, folded: section.kind === 'article' ? i18nFor(o.locale).t('comment.showFor', { number: section.number }) : undefined }
            : {}),
        }), o.locale),
      }
      rendered.set(id, kept)
    }
    fragments.set(id, kept.html)
  }
  keep(set, fragments)
  return comments.counts
}

/**
 * The outline without the articles' paragraphs, for the browser: the page shows their text
 * from HTML rendered beforehand, and the table of contents, the chart and the search only
 * need the articles' ids, numbers, labels and headings.
 */
export function outlineSkeleton(outline: DocumentOutline): DocumentOutline {
  return skeletons.get(outline) ?? skeletons.set(outline, { ...outline, body: outline.body.map(skeletonUnit) }).get(outline)!
}
const skeletons = new WeakMap<DocumentOutline, DocumentOutline>()
function skeletonUnit(unit: OutlineUnit): OutlineUnit {
  if (unit.kind === 'article') return { ...unit, paragraphs: [] } satisfies OutlineArticle
  return { ...unit, children: unit.children.map(skeletonUnit) }
}

/**
 * What the public page of a round is built from: the round as its reader may see it, the
 * consulted version laid out in `script` (the draft's own when absent), the set of its
 * articles' text, and (unless the round is only planned) its comment counts and sections.
 * Null when the reader may not see the round or its version is gone.
 */
export async function loadRoundPage(
  services: Services,
  actor: Actor,
  roundId: string,
  o: { script?: DraftScript; locale: Locale; view?: CommentsView },
) {
  const found = await services.rounds.readPublic(actor, roundId)
  if (!found.ok) return null
  const round = found.value
  const reading = await services.drafting.readDraft(round.draft.slug, { versionSeq: round.versionSeq, script: o.script })
  if (!reading.ok) return null
  const signedIn = actor.userId !== null
  const textSet = articleTextSet(reading.value.outline, o.locale)
  const comments = round.state === 'planned'
    ? null
    : await roundCommentSet(services, round, reading.value.outline, { locale: o.locale, signedIn, textSet, view: o.view })
  return { round, reading: reading.value, signedIn, textSet, comments }
}
