import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentOutline, OutlineArticle, OutlineBlock, OutlineTable, OutlineUnit, TocEntry } from '../../drafting/outline.ts'

/** The table of contents of an act: parts, chapters and sections with their articles. */
export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  const { t } = useTranslation()
  if (toc.length === 0) return null
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{t('draft.toc')}</h2>
      <TocList entries={toc} />
    </nav>
  )
}

function TocList({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.anchor}>
          <a href={`#${e.anchor}`}>
            <span className="toc__label">{e.label}</span> <span className="toc__heading">{e.heading}</span>
          </a>
          {e.firstArticle && (
            <span className="toc__range">
              {e.firstArticle === e.lastArticle ? e.firstArticle : `${e.firstArticle} – ${e.lastArticle}`}
            </span>
          )}
          {e.children.length > 0 && <TocList entries={e.children} />}
        </li>
      ))}
    </ol>
  )
}

/** Renders something of the page's own under an article (its comments, say). */
export type RenderAfterArticle = (article: OutlineArticle) => ReactNode

/**
 * Articles' text as HTML rendered once by <ArticleText> (a saved version never changes), for
 * pages too long to render article by article on every request: the outline then needs no
 * paragraphs. `attributes` marks the element the HTML goes into, so the browser can find it.
 */
export interface ArticleHtml {
  html: (article: OutlineArticle) => string
  attributes: (article: OutlineArticle) => Record<string, string>
}

/**
 * An act rendered article by article, with a readable and a stable anchor on each.
 * `renderAfterArticle`, when given, adds content at the end of each article.
 */
export function LegalText({ outline, renderAfterArticle, renderAfterMemorandumSection, renderAfterMemorandum, articleHtml }: {
  outline: DocumentOutline
  renderAfterArticle?: RenderAfterArticle
  /** The articles' text rendered beforehand; without it they are rendered here. */
  articleHtml?: ArticleHtml
  /** Content at the end of each section of the explanatory memorandum (a comment link). */
  renderAfterMemorandumSection?: (section: { id: string; heading: string }) => ReactNode
  /** Content at the end of the memorandum (its comments). */
  renderAfterMemorandum?: () => ReactNode
}) {
  return (
    <div className="legal-text">
      {outline.preamble.length > 0 && (
        <div className="legal-text__preamble">
          {outline.preamble.map((p, i) => <p key={i}>{p}</p>)}
        </div>
      )}
      {outline.body.map((unit) => <Unit key={unit.id} unit={unit} renderAfterArticle={renderAfterArticle} articleHtml={articleHtml} />)}
      {outline.annexes.map((annex) => (
        <section key={annex.id} className="annex" id={annex.anchor} aria-labelledby={`${annex.anchor}-h`} data-annex-id={annex.id}>
          {/* The stable anchor, as for articles. */}
          <span id={annex.idAnchor} className="anchor-target" />
          <h3 id={`${annex.anchor}-h`} className="annex__title">
            <span className="annex__label">{annex.label}</span>
            {annex.heading && <span className="annex__heading"> {annex.heading}</span>}
          </h3>
          <Blocks blocks={annex.blocks} />
        </section>
      ))}
      {outline.memorandum && (
        <section className="memorandum" aria-labelledby="memorandum-title">
          <h2 id="memorandum-title" className="division__label">{outline.memorandum.label}</h2>
          {outline.memorandum.sections.map((s) => (
            <section key={s.id} id={`m-${s.id}`}>
              {s.heading && <h3>{s.heading}</h3>}
              {s.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
              {renderAfterMemorandumSection?.(s)}
            </section>
          ))}
          {renderAfterMemorandum?.()}
        </section>
      )}
    </div>
  )
}

function Unit({ unit, renderAfterArticle, articleHtml }: { unit: OutlineUnit; renderAfterArticle?: RenderAfterArticle; articleHtml?: ArticleHtml }) {
  if (unit.kind === 'article') return <Article article={unit} renderAfterArticle={renderAfterArticle} articleHtml={articleHtml} />
  const Heading = unit.kind === 'part' ? 'h2' : unit.kind === 'chapter' ? 'h3' : 'h4'
  return (
    <section className={`division division--${unit.kind}`} id={unit.anchor} aria-labelledby={`${unit.anchor}-h`}>
      <Heading id={`${unit.anchor}-h`} className="division__title">
        <span className="division__label">{unit.label}</span>
        {unit.heading && <span className="division__heading">{unit.kind === 'part' ? ` – ${unit.heading}` : ` ${unit.heading}`}</span>}
      </Heading>
      {unit.children.map((child) => <Unit key={child.id} unit={child} renderAfterArticle={renderAfterArticle} articleHtml={articleHtml} />)}
    </section>
  )
}

function Article({ article, renderAfterArticle, articleHtml }: { article: OutlineArticle; renderAfterArticle?: RenderAfterArticle; articleHtml?: ArticleHtml }) {
  return (
    <article className="article" id={article.anchor} aria-labelledby={`${article.anchor}-h`} data-article-id={article.id}>
      {articleHtml ? (
        // Rendered once by <ArticleText> elsewhere (see ArticleHtml); hydration keeps what the server sent.
        <div className="article__text" {...articleHtml.attributes(article)} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: articleHtml.html(article) }} />
      ) : (
        <ArticleText article={article} />
      )}
      {renderAfterArticle?.(article)}
    </article>
  )
}

/** An article's own text: its title, its permalink and its paragraphs. */
export function ArticleText({ article }: { article: OutlineArticle }) {
  const { t } = useTranslation()
  return (
    <>
      {/* The stable anchor: links made with it keep working after renumbering. */}
      <span id={article.idAnchor} className="anchor-target" />
      <h4 id={`${article.anchor}-h`} className="article__title">
        <span className="article__label">{article.label}</span>
        {article.heading && <span className="article__heading">({article.heading})</span>}
      </h4>
      <a className="article__permalink" href={`#${article.idAnchor}`} aria-label={t('draft.permalink', { label: article.label })}>
        #
      </a>
      {article.paragraphs.map((p) => (
        <div key={p.id} className="paragraph" id={`p-${p.id}`}>
          {p.label && <span className="paragraph__label">{p.label} </span>}
          <Blocks blocks={p.blocks} />
        </div>
      ))}
    </>
  )
}

function Blocks({ blocks }: { blocks: OutlineBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        if (b.kind === 'text') return b.text ? <span key={i} className="text-run">{b.text}</span> : null
        if (b.kind === 'indent') return <div key={b.id} className="indent" id={`i-${b.id}`}>{b.text}</div>
        if (b.kind === 'table') return <Table key={b.id} table={b} />
        return (
          <div key={b.id} className={b.kind} id={`t-${b.id}`}>
            <span className="point__label">{b.label} </span>
            <Blocks blocks={b.blocks} />
          </div>
        )
      })}
    </>
  )
}

function Table({ table }: { table: OutlineTable }) {
  return (
    <div className="legal-table" id={`tb-${table.id}`}>
      <table>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell, c) => {
                const Cell = row.header ? 'th' : 'td'
                return <Cell key={c} scope={row.header ? 'col' : undefined}>{cell.map((text, i) => <p key={i}>{text}</p>)}</Cell>
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
