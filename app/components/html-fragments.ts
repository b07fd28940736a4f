// Parts of a page rendered to HTML once on the server, by the same React components, and
// kept there (app/.server/round-page.ts): the articles of a saved version, which never
// change, and a round's comment previews until its comments change. A page injects them with
// dangerouslySetInnerHTML and does not send them a second time as data: in the browser, a
// set is read back from the page it was rendered into (at hydration), or kept from a fetch
// (after a client-side navigation, see the clientLoader of app/routes/round.tsx).
//
// In the page, each fragment's element carries `data-fragment="<set kind>:<id>"`, and an
// ancestor lists the sets it shows in `data-fragment-sets` (their keys, space-separated).

import { data } from 'react-router'

/** One set of fragments: HTML by id. */
export type Fragments = ReadonlyMap<string, string>

/**
 * What the page needs to find a set: its key (derived from what it shows) and its kind ("t",
 * "c"). Sets of one `family` differ only by the revision of what they show (a round's
 * comment sections in one language and signed-in state): a newer one is fetched as its
 * changes from the one the browser has.
 */
export interface FragmentSet {
  key: string
  kind: string
  family?: string
}

type Lookup = (key: string) => Fragments | undefined

// Set once by the server's cache when its module loads; null in the browser.
let serverLookup: Lookup | null = null

/** Where server renders find their fragments (called by app/.server/round-page.ts). */
export function provideServerFragments(lookup: Lookup): void {
  serverLookup = lookup
}

// In the browser: the sets read from the page or fetched, most recently used last.
const KEPT_IN_BROWSER = 4
const kept = new Map<string, { fragments: Fragments; family: string | undefined }>()

/** Keeps a fetched set in the browser. */
export function keepFragments(set: FragmentSet, fragments: Fragments): void {
  kept.delete(set.key)
  kept.set(set.key, { fragments, family: set.family })
  while (kept.size > KEPT_IN_BROWSER) kept.delete(kept.keys().next().value!)
}

/** The key of the set of `family` the browser kept last, to fetch a newer one as its changes. */
function keptOfFamily(family: string): string | undefined {
  let found: string | undefined
  for (const [key, entry] of kept) if (entry.family === family) found = key
  return found
}

/**
 * Keeps `set`, made of the set `since` (kept here) with `changes` (fragments by id) applied;
 * false when `since` is no longer kept.
 */
function keepChanges(set: FragmentSet, since: string, changes: Record<string, string>): boolean {
  const base = kept.get(since)
  if (!base) return false
  const fragments = new Map(base.fragments)
  for (const [id, html] of Object.entries(changes)) fragments.set(id, html)
  keepFragments(set, fragments)
  return true
}

/** Whether the browser has set `key`: kept already, or shown by the page (then it is kept now). */
export function hasFragments(set: FragmentSet): boolean {
  return kept.has(set.key) || readFromPage(set) !== undefined
}

/**
 * The HTML of set `set` by fragment id ('' when missing): on the server from its cache; in the
 * browser from what was kept, or else from the page itself.
 */
export function fragmentsOf(set: FragmentSet): (id: string) => string {
  const fragments = typeof document === 'undefined' ? serverLookup?.(set.key) : kept.get(set.key)?.fragments ?? readFromPage(set)
  return (id) => fragments?.get(id) ?? ''
}

/** The attribute that marks a fragment's element in the page. */
export function fragmentAttribute(set: FragmentSet, id: string): string {
  return `${set.kind}:${id}`
}

function readFromPage(set: FragmentSet): Fragments | undefined {
  if (typeof document === 'undefined') return undefined
  const root = [...document.querySelectorAll('[data-fragment-sets]')].find((el) =>
    (el.getAttribute('data-fragment-sets') ?? '').split(' ').includes(set.key),
  )
  if (!root) return undefined
  const fragments = new Map<string, string>()
  const prefix = `${set.kind}:`
  for (const el of root.querySelectorAll(`[data-fragment^="${prefix}"]`)) {
    fragments.set(el.getAttribute('data-fragment')!.slice(prefix.length), el.innerHTML)
  }
  keepFragments(set, fragments)
  return fragments
}

/** A set of articles' text as the fragments routes send it. */
export interface TextSetResponse {
  set: FragmentSet
  fragments: Record<string, string>
}

/** A fetch of a set that failed: the route's error boundary says "not found" or "unavailable". */
function failed(status: number): never {
  throw data({ reason: status === 404 ? 'not-found' : 'unavailable' }, { status })
}

/** Fetches the articles' text set the page lacks from `url` (its answer's `text`), keeps it, and returns it. */
export async function fetchTextSet(url: string): Promise<FragmentSet> {
  const response = await fetch(url)
  if (!response.ok) failed(response.status)
  const { text } = (await response.json()) as { text: TextSetResponse }
  keepFragments(text.set, new Map(Object.entries(text.fragments)))
  return text.set
}

/** A comment set as app/routes/round-fragments.ts sends it: whole, or with `since` only the sections changed since that set. */
export interface CommentSetResponse {
  set: FragmentSet
  fragments: Record<string, string>
  since?: string
}

/**
 * Fetches the comment set `set` the browser lacks from `url` (the round's fragments route,
 * `&part=c` and the page's own parameters included): as its changes from the kept set of its
 * family when there is one (after a new comment, one section), else whole. Returns the set
 * as fetched (comments may have changed in between: the newer one is shown).
 */
export async function fetchCommentSet(url: string, set: FragmentSet): Promise<FragmentSet> {
  const since = set.family ? keptOfFamily(set.family) : undefined
  const get = async (withSince: boolean) => {
    const response = await fetch(`${url}${withSince && since ? `&since=${encodeURIComponent(since)}` : ''}`)
    if (!response.ok) failed(response.status)
    return ((await response.json()) as { comments?: CommentSetResponse }).comments
  }
  let comments = await get(true)
  // The set the changes apply to was let go meanwhile (the browser keeps a few): the whole set.
  if (comments?.since && !keepChanges(comments.set, comments.since, comments.fragments)) comments = await get(false)
  if (!comments) return set
  if (!comments.since) keepFragments(comments.set, new Map(Object.entries(comments.fragments)))
  return comments.set
}
