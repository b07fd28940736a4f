import { Schema, type NodeSpec } from 'prosemirror-model'

/**
 * The legal document schema, shared by the server (validation, rendering) and the
 * browser editor. Views stay out of these specs.
 *
 * Structural units carry a stable `id` that survives renumbering and versions, and an
 * optional `num`: null means "numbered automatically"; a string ("18a") is a number
 * frozen by an amending law or kept from an imported text.
 */
const unitAttrs = { id: { default: null }, num: { default: null } }

/**
 * DOM for a structural unit: its stable id and frozen number travel as data attributes,
 * so that copy and paste inside the editor keep them (duplicates are re-identified by
 * the editor's id plugin).
 */
function unit(tag: string, className: string, extra: Partial<NodeSpec> = {}): Partial<NodeSpec> {
  return {
    toDOM: (node) => [tag, { class: className, 'data-id': node.attrs.id, ...(node.attrs.num ? { 'data-num': node.attrs.num } : {}) }, 0],
    parseDOM: [
      {
        tag: `${tag}.${className}`,
        getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute('data-id'), num: (dom as HTMLElement).getAttribute('data-num') }),
      },
    ],
    ...extra,
  }
}

function block(tag: string, className: string): Partial<NodeSpec> {
  return { toDOM: () => [tag, { class: className }, 0], parseDOM: [{ tag: `${tag}.${className}` }] }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'title preamble? (part | chapter | article)+ annex* memorandum?' },
  text: { group: 'inline' },
  /** The act's title, "ZAKON O SOCIJALNIM USLUGAMA …". */
  title: { content: 'text*', marks: '', defining: true, ...block('h2', 'pm-title') },
  /** Legal basis before the first article ("Na osnovu člana …"). */
  preamble: { content: 'text_block+', attrs: { id: { default: null } }, ...unit('div', 'pm-preamble') },
  /** A part (dio); numbered with ordinal words: DIO PRVI. */
  part: { content: 'heading (chapter | article)+', attrs: unitAttrs, defining: true, ...unit('section', 'pm-part') },
  /** A chapter (poglavlje); Roman numerals restarting in each part. */
  chapter: { content: 'heading (section | article)+', attrs: unitAttrs, defining: true, ...unit('section', 'pm-chapter') },
  /** A section (odjeljak) inside a chapter; capital letters A., B. … */
  section: { content: 'heading article+', attrs: unitAttrs, defining: true, ...unit('section', 'pm-section') },
  /** The title line of a part, chapter, section or memorandum section. */
  heading: { content: 'text*', marks: '', ...block('h3', 'pm-heading') },
  /** An article (član/članak/члан): numbered continuously through the whole act. */
  article: { content: 'article_heading? paragraph+', attrs: unitAttrs, defining: true, ...unit('article', 'pm-article') },
  /** The optional heading of an article, shown in parentheses below the label. */
  article_heading: { content: 'text*', marks: '', ...block('h4', 'pm-article-heading') },
  /** A paragraph (stav/stavak): (1), (2) … restarting in each article; unnumbered when alone. */
  paragraph: { content: 'text_block (point | indent | text_block | table)*', attrs: unitAttrs, ...unit('div', 'pm-paragraph') },
  /** A point (tačka/točka): a), b) … within a paragraph. */
  point: { content: 'text_block (subpoint | indent | table)*', attrs: unitAttrs, ...unit('div', 'pm-point') },
  /** A sub-point (podtačka): 1., 2. … within a point. */
  subpoint: { content: 'text_block indent*', attrs: unitAttrs, ...unit('div', 'pm-subpoint') },
  /** An indent (alineja): unnumbered, introduced by a dash. */
  indent: { content: 'text_block', attrs: { id: { default: null } }, ...unit('div', 'pm-indent') },
  /**
   * A table inside a paragraph, a point or an annex: rows of cells, each cell one or more
   * text blocks. Every row of a table has the same number of cells (checked by
   * parseDocument); a row marked `header` is the table's header row. The table carries a
   * stable id (anchors, comments, diffs); rows and cells do not: they are compared by
   * their text. See docs/decisions/0026-tables-and-annexes.md.
   */
  table: {
    content: 'table_row+',
    attrs: { id: { default: null } },
    isolating: true,
    toDOM: (node) => ['table', { class: 'pm-table', 'data-id': node.attrs.id }, ['tbody', 0]],
    // Any HTML table (pasted from Word or a web page): tbody and thead are read through.
    parseDOM: [{ tag: 'table', getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute('data-id') }) }],
  },
  /** A row of a table; `header` marks the header row (its cells render as th). */
  table_row: {
    content: 'table_cell+',
    attrs: { header: { default: false, validate: 'boolean' } },
    toDOM: (node) => ['tr', { class: node.attrs.header ? 'pm-row pm-row--header' : 'pm-row' }, 0],
    parseDOM: [{ tag: 'tr', getAttrs: (dom) => ({ header: (dom as HTMLElement).classList.contains('pm-row--header') }) }],
  },
  /** A cell of a table: text blocks. */
  table_cell: {
    content: 'text_block+',
    isolating: true,
    toDOM: () => ['td', { class: 'pm-cell' }, 0],
    parseDOM: [{ tag: 'td' }, { tag: 'th' }],
  },
  /**
   * An annex (prilog) after the last article: "Prilog 1", "Prilog 2" … numbered
   * automatically (or frozen, like articles), with a title and text blocks and tables.
   */
  annex: { content: 'heading (text_block | table)+', attrs: unitAttrs, defining: true, ...unit('section', 'pm-annex') },
  /** A run of text inside a unit. */
  text_block: { content: 'inline*', ...block('p', 'pm-text') },
  /**
   * A cross-reference to an article, and optionally one of its paragraphs and points, by
   * stable id: "člana 12. stav (2) tačka a)". Its text is never stored: it is rendered
   * from the current numbering (see referenceText), so it follows renumbering. `form` is
   * the grammatical case of the article word (nom član, gen člana, dat/loc članu, ins članom).
   */
  reference: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    attrs: { article: {}, paragraph: { default: null }, point: { default: null }, form: { default: 'gen' } },
    toDOM: (node) => [
      'span',
      {
        class: 'pm-reference',
        'data-article': node.attrs.article,
        ...(node.attrs.paragraph ? { 'data-paragraph': node.attrs.paragraph } : {}),
        ...(node.attrs.point ? { 'data-point': node.attrs.point } : {}),
        'data-form': node.attrs.form,
      },
    ],
    parseDOM: [
      {
        tag: 'span.pm-reference[data-article]',
        getAttrs: (dom) => {
          const el = dom as HTMLElement
          return {
            article: el.getAttribute('data-article'),
            paragraph: el.getAttribute('data-paragraph'),
            point: el.getAttribute('data-point'),
            form: el.getAttribute('data-form') ?? 'gen',
          }
        },
      },
    ],
  },
  /** The explanatory memorandum (obrazloženje): not enacted, goes with a draft. */
  memorandum: { content: 'memorandum_section+', attrs: { id: { default: null } }, ...unit('section', 'pm-memorandum') },
  memorandum_section: { content: 'heading text_block+', attrs: { id: { default: null } }, ...unit('section', 'pm-memorandum-section') },
}

export const legalSchema = new Schema({
  nodes,
  marks: {
    em: { parseDOM: [{ tag: 'em' }], toDOM: () => ['em', 0] },
    strong: { parseDOM: [{ tag: 'strong' }], toDOM: () => ['strong', 0] },
  },
})

/** Node types whose instances carry a stable id. */
export const IDENTIFIED_TYPES = new Set([
  'preamble', 'part', 'chapter', 'section', 'article', 'paragraph', 'point', 'subpoint', 'indent',
  'memorandum', 'memorandum_section', 'table', 'annex',
])
