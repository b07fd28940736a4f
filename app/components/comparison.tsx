import { useTranslation } from 'react-i18next'
import type { AnnexDiff, ArticleDiff, WordChange } from '../../drafting/diff.ts'

export type ComparisonView = 'inline' | 'side'

/** Word runs: deletions struck through, insertions underlined; easy-to-miss changes flagged. */
export function WordRuns({ changes, side }: { changes: WordChange[]; side?: 'old' | 'new' }) {
  const { t } = useTranslation()
  return (
    <>
      {changes.map((c, i) => {
        if (c.type === 'equal') return <span key={i}>{c.text}</span>
        if (side === 'old' && c.type === 'insert') return null
        if (side === 'new' && c.type === 'delete') return null
        const Tag = c.type === 'insert' ? 'ins' : 'del'
        return (
          <Tag key={i} className={c.kind ? `diff--${c.kind}` : undefined} title={c.kind ? t(`compare.kind.${c.kind}`) : undefined}>
            {c.text}
          </Tag>
        )
      })}
    </>
  )
}

/** One article of the comparison: its numbers old and new, its status, and its paragraphs word by word. */
export function ArticleComparison(props: { article: ArticleDiff; label: (n: string) => string; view: ComparisonView }) {
  const { t } = useTranslation()
  const { article, label, view } = props
  const title = article.newNumber ? label(article.newNumber) : label(article.oldNumber ?? '?')
  const renumbered = article.oldNumber && article.newNumber && article.oldNumber !== article.newNumber
  return (
    <article className={`cmp-article cmp-article--${article.status}`} id={article.newNumber ? `clan-${article.newNumber}` : undefined}>
      <h3 className="cmp-article__title">
        {title}
        {renumbered && <span className="cmp-article__was"> {t('compare.formerly', { label: label(article.oldNumber!) })}</span>}
        {article.heading && <span className="cmp-article__heading"> ({article.heading})</span>}
      </h3>
      <p className="cmp-article__badges">
        <span className={`badge badge--cmp-${article.status}`}>{t(`compare.status.${article.status}`)}</span>
        {article.moved && <span className="badge badge--cmp-moved">{t('compare.moved')}</span>}
        {article.splitFrom && <span className="badge badge--cmp-moved">{t('compare.splitFrom', { label: label(article.splitFrom.oldNumber) })}</span>}
      </p>
      {article.headingChanges && article.headingChanges.some((c) => c.type !== 'equal') && (
        <p className="cmp-heading-change">
          {t('compare.headingChanged')}: <WordRuns changes={article.headingChanges} />
        </p>
      )}
      {article.paragraphs.map((p, i) => (
        <div key={p.newId ?? p.oldId ?? i} className={`cmp-paragraph cmp-paragraph--${p.status}`}>
          {(p.status === 'added' || p.status === 'deleted') && article.status === 'changed' && (
            <span className={`badge badge--cmp-${p.status}`}>{t(`compare.paragraph.${p.status}`)}</span>
          )}
          {view === 'side' ? (
            <div className="cmp-side">
              <div className="cmp-side__old" aria-label={t('compare.oldText')}>
                {p.oldNumber && <span className="paragraph__label">({p.oldNumber}) </span>}
                <WordRuns changes={p.changes} side="old" />
              </div>
              <div className="cmp-side__new" aria-label={t('compare.newText')}>
                {p.newNumber && <span className="paragraph__label">({p.newNumber}) </span>}
                <WordRuns changes={p.changes} side="new" />
              </div>
            </div>
          ) : (
            <p className="cmp-inline">
              {(p.newNumber ?? p.oldNumber) && <span className="paragraph__label">({p.newNumber ?? p.oldNumber}) </span>}
              <WordRuns changes={p.changes} />
            </p>
          )}
        </div>
      ))}
    </article>
  )
}

/** One annex (prilog) of the comparison: its number, status, title change and its text word by word. */
export function AnnexComparison(props: { annex: AnnexDiff; label: (n: string) => string }) {
  const { t } = useTranslation()
  const { annex, label } = props
  const number = annex.newNumber ?? annex.oldNumber ?? '?'
  return (
    <section className={`cmp-article cmp-article--${annex.status}`}>
      <h3 className="cmp-article__title">
        {label(number)}
        {annex.oldNumber && annex.newNumber && annex.oldNumber !== annex.newNumber && <span className="cmp-article__was"> {t('compare.formerly', { label: label(annex.oldNumber) })}</span>}
        {annex.heading && <span className="cmp-article__heading"> {annex.heading}</span>}
      </h3>
      <p className="cmp-article__badges">
        <span className={`badge badge--cmp-${annex.status}`}>{t(`compare.status.${annex.status}`)}</span>
      </p>
      {annex.headingChanges && annex.headingChanges.some((c) => c.type !== 'equal') && (
        <p className="cmp-heading-change">
          {t('compare.headingChanged')}: <WordRuns changes={annex.headingChanges} />
        </p>
      )}
      <p className="cmp-inline cmp-annex">
        <WordRuns changes={annex.changes} />
      </p>
    </section>
  )
}
