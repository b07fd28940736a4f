import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentOutline, OutlineArticle } from '../../drafting/outline.ts'
import type { Segment } from '../../consultation/search/in-page.ts'

type InPage = typeof import('../../consultation/search/in-page.ts')

/** What searching needs once loaded: the module (with lunr), the index, the articles by stable id. */
interface Engine {
  lib: InPage
  index: ReturnType<InPage['loadDraftIndex']>
  articles: Map<string, OutlineArticle>
  byNumber: Map<string, OutlineArticle>
  bodyText: (article: OutlineArticle) => string
}

interface Found {
  query: string
  /** The query named an article ("član 12"): it, or null when the draft has no such article. */
  reference: { number: string; article: OutlineArticle | null } | null
  hits: { article: OutlineArticle; heading: Segment[]; excerpt: Segment[] }[]
  total: number
}

const SHOWN = 30
const DEBOUNCE_MS = 100

/**
 * Search inside one draft's page, as the reader types, with no server round trip: the
 * version's lunr index is fetched once (when the field is first focused) with the search
 * code, and every query after that runs in the browser. Without JavaScript the field is a
 * GET form to the site search. "član 12" + Enter jumps to that article.
 */
/** An article's paragraphs as the page shows them (rendered as HTML beforehand), for the in-page search's excerpts. */
export function shownBodyText(article: OutlineArticle): string {
  const paragraphs = document.getElementById(article.anchor)?.querySelectorAll('.paragraph') ?? []
  return [...paragraphs].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ')
}

export function DraftSearch({ slug, indexUrl, outline, bodyText }: {
  slug: string
  indexUrl: string
  outline: DocumentOutline
  /** An article's text for excerpts, where the outline carries none (the page shows it as HTML). */
  bodyText?: (article: OutlineArticle) => string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [query, setQuery] = useState('')
  const [state, setState] = useState<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const [found, setFound] = useState<Found | null>(null)
  const engine = useRef<Promise<Engine | null> | null>(null)
  const field = useRef<HTMLInputElement>(null)

  // What was typed before the page came alive (hydration) is searched too.
  useEffect(() => {
    if (field.current?.value) setQuery(field.current.value)
  }, [])

  // The index of this version is immutable, so it is fetched once; a failure lets the next focus retry.
  const load = (): Promise<Engine | null> => {
    engine.current ??= (async () => {
      setState('loading')
      try {
        const [lib, json] = await Promise.all([
          import('../../consultation/search/in-page.ts'),
          fetch(indexUrl).then((response) => {
            if (!response.ok) throw new Error(`search index: ${response.status}`)
            return response.json() as Promise<object>
          }),
        ])
        const articles = lib.outlineArticles(outline.body)
        setState('ready')
        return {
          lib,
          index: lib.loadDraftIndex(json),
          articles: new Map(articles.map((a) => [a.id, a])),
          byNumber: new Map(articles.map((a) => [a.number.toLowerCase(), a])),
          bodyText: bodyText ?? lib.articleBodyText,
        }
      } catch {
        setState('failed')
        engine.current = null
        return null
      }
    })()
    return engine.current
  }

  useEffect(() => {
    const text = query.trim()
    if (text === '') {
      setFound(null)
      return
    }
    let cancelled = false
    const timer = setTimeout(async () => {
      const ready = await load()
      if (!cancelled && ready) setFound(search(ready, text))
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // load() only reads refs and props that do not change for one version's page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Without the in-page search (it could not load), Enter goes to the site search.
    if (state === 'failed') return
    event.preventDefault()
    const text = query.trim()
    if (text === '') return
    void load().then((ready) => {
      if (!ready) return
      const result = search(ready, text)
      setFound(result)
      const target = result.reference ? result.reference.article : result.hits[0]?.article
      if (target) jumpTo(target.anchor)
    })
  }

  const status = statusText()
  function statusText(): string {
    if (state === 'failed') return t('draftSearch.unavailable')
    if (query.trim() === '') return ''
    if (state === 'loading' || !found) return t('draftSearch.loading')
    if (found.reference) {
      return found.reference.article
        ? t('draftSearch.reference', { label: found.reference.article.label })
        : t('draftSearch.noArticle', { number: found.reference.number })
    }
    if (found.total === 0) return t('draftSearch.none', { query: found.query })
    const count = t('draftSearch.found', { count: found.total })
    return found.total > SHOWN ? `${count} ${t('draftSearch.more', { shown: SHOWN })}` : count
  }

  const listed = found?.reference?.article ? [{ article: found.reference.article, heading: plain(found.reference.article.heading), excerpt: [] }] : (found?.hits ?? [])
  return (
    <form method="get" action="/search" role="search" className="draft-search" onSubmit={onSubmit} aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-q`} className="draft-search__label">{t('draftSearch.label')}</label>
      <div className="draft-search__row">
        <input
          ref={field}
          id={`${id}-q`}
          type="search"
          name="q"
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onFocus={() => void load()}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <input type="hidden" name="draft" value={slug} />
        <button type="submit" className="button button--secondary">{t('draftSearch.submit')}</button>
      </div>
      <p id={`${id}-hint`} className="draft-search__hint muted">{t('draftSearch.hint')}</p>
      <p className="draft-search__status" role="status" aria-live="polite">{status}</p>
      {listed.length > 0 && (
        <ol className="draft-search__results" aria-label={t('draftSearch.results')}>
          {listed.map(({ article, heading, excerpt }) => (
            <li key={article.id}>
              <a href={`#${article.anchor}`} className="draft-search__link">
                <span className="article__label">{article.label}</span>
                {heading.length > 0 && <> <Marked segments={heading} /></>}
              </a>
              {excerpt.length > 0 && <p className="draft-search__excerpt"><Marked segments={excerpt} /></p>}
            </li>
          ))}
        </ol>
      )}
    </form>
  )
}

function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>
}

function plain(text: string | null): Segment[] {
  return text ? [{ text: `(${text})`, mark: false }] : []
}

function search(engine: Engine, query: string): Found {
  const { lib } = engine
  const reference = lib.parseArticleReference(query)
  if (reference && reference.rest === '') {
    return { query, reference: { number: reference.number, article: engine.byNumber.get(reference.number) ?? null }, hits: [], total: 0 }
  }
  const hits = lib.searchDraftIndex(engine.index, query)
  const matches = lib.queryMatcher(query)
  return {
    query,
    reference: null,
    total: hits.length,
    hits: hits.slice(0, SHOWN).flatMap(({ ref }) => {
      const article = engine.articles.get(ref)
      if (!article) return []
      const heading = article.heading ? lib.markWords(`(${article.heading})`, matches) : []
      return [{ article, heading, excerpt: lib.excerpt(engine.bodyText(article), matches) }]
    }),
  }
}

/**
 * Brings an article into view and puts its anchor in the address. The router's own state
 * is kept (replaceState, no popstate), so it neither navigates nor restores a scroll
 * position over the jump.
 */
function jumpTo(anchor: string) {
  const target = document.getElementById(anchor)
  if (!target) return
  window.history.replaceState(window.history.state, '', `#${anchor}`)
  target.scrollIntoView()
}
