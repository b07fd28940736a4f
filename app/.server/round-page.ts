import { randomUUID } from 'node:crypto'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import type { i18n } from 'i18next'
import type { DocumentOutline, OutlineArticle, OutlineUnit } from '../../drafting/outline.ts'
import type { PublicRound } from '../../consultation/public-round.ts'
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
const sets = new Map<string, Fragments>()
const pending = new Map<string, Promise<unknown>>()

provideServerFragments((key) => sets.get(key))

function keep(key: string, fragments: Fragments): void {
  sets.delete(key)
  sets.set(key, fragments)
  while (sets.size > SETS_KEPT) sets.delete(sets.keys().next().value!)
}

function touch(key: string): boolean {
  const fragments = sets.get(key)
  if (fragments) keep(key, fragments)
  return fragments !== undefined
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
  if (!touch(set.key)) {
    keep(set.key, new Map(articlesOf(outline).map((a) => [a.id, renderStatic(createElement(ArticleText, { article: a }), locale)])))
  }
  return set
}

/** The HTML of a set kept here, by fragment id (for the route that sends a set on its own). */
export function fragmentsOfSet(set: FragmentSet): Record<string, string> {
  return Object.fromEntries(sets.get(set.key) ?? [])
}

/** What the page shows of a round's comments besides the previews: the counts. */
export interface CommentCounts {
  total: number
  countsByArticle: Record<string, number>
  generalCount: number
  memorandumCount: number
}

const countsBySet = new Map<string, CommentCounts>()

/**
 * The counts of a round's public comments, and its comment sections (by article id,
 * "general", "memorandum") rendered by <StaticSectionComments> once per change of its comments.
 * Concurrent requests for the same set wait for one rendering.
 */
export async function roundCommentSet(
  services: Services,
  round: PublicRound,
  outline: DocumentOutline,
  o: { locale: Locale; signedIn: boolean; textSet: FragmentSet },
): Promise<{ set: FragmentSet; counts: CommentCounts }> {
  const set = { key: `c.${round.commentsKey}.${o.locale}.${o.signedIn ? 'in' : 'out'}.${o.textSet.key}`, kind: 'c' }
  const counts = countsBySet.get(set.key)
  if (counts && touch(set.key)) return { set, counts }
  const rendering = (pending.get(set.key) as Promise<CommentCounts> | undefined) ?? renderComments(services, round, outline, o, set.key)
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
  o: { locale: Locale; signedIn: boolean },
  key: string,
): Promise<CommentCounts> {
  const preview = await services.rounds.previewComments(round.id)
  const previews = presentPreviews(preview.previews, outline)
  const sections: PreviewSection[] = [
    ...articlesOf(outline).map((a): PreviewSection => ({ kind: 'article', id: a.id, number: a.number, anchor: a.anchor })),
    { kind: 'general' },
    ...(outline.memorandum ? [{ kind: 'memorandum' } as const] : []),
  ]
  const countOf = (section: PreviewSection) =>
    section.kind === 'article' ? preview.countsByArticle[section.id] ?? 0 : section.kind === 'general' ? preview.generalCount : preview.memorandumCount
  const roundView = { id: round.id, open: round.state === 'open' }
  const fragments = new Map(sections.map((section) => [previewKey(section), renderStatic(
    createElement(StaticSectionComments, {
      section, count: countOf(section), shown: previews[previewKey(section)] ?? [], round: roundView, signedIn: o.signedIn, locale: o.locale,
    }),
    o.locale,
  )]))
  const counts: CommentCounts = {
    total: preview.total, countsByArticle: preview.countsByArticle, generalCount: preview.generalCount, memorandumCount: preview.memorandumCount,
  }
  keep(key, fragments)
  countsBySet.set(key, counts)
  // Counts are small; they go when their set has gone.
  for (const k of countsBySet.keys()) if (!sets.has(k)) countsBySet.delete(k)
  return counts
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
  o: { script?: DraftScript; locale: Locale },
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
    : await roundCommentSet(services, round, reading.value.outline, { locale: o.locale, signedIn, textSet })
  return { round, reading: reading.value, signedIn, textSet, comments }
}
