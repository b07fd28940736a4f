import type { Mark, Node } from 'prosemirror-model'
import type { LanguageVariant } from '../language.ts'
import { numberDocument, type Numbering } from '../numbering.ts'
import type { DocumentOutline, OutlineBlock, OutlineUnit } from '../outline.ts'
import { referenceAttrs, referenceText } from '../references.ts'
import { toLatin } from '../transliteration.ts'
import type { ActVersion } from './act-version.ts'
import { el, serializeXml, type XmlChild, type XmlElement } from './xml.ts'

// A version of an act as Akoma Ntoso 3.0 (OASIS LegalDocML), the subset a draft needs:
// identification (FRBR work, expression, manifestation), preface (title), preamble (legal
// basis), body (parts, chapters, sections, articles, paragraphs, points, sub-points,
// indents, tables), cross-references as <ref>, annexes (prilozi) and the memorandum as
// attachments. See
// docs/decisions/0024-act-exports-and-open-data-api.md for the eId scheme.

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

const ISO_639_2: Record<LanguageVariant['language'], string> = { bs: 'bos', hr: 'hrv', sr: 'srp' }

const day = (date: Date) => date.toISOString().slice(0, 10)

/** The number part of an eId: "18a" stays, "a)" → "a", Cyrillic "б)" → "b"; anything else is dropped. */
export function eIdNumber(label: string): string {
  const latin = toLatin(label.trim()).toLowerCase()
  const num = latin.replace(/^[([]|[)\].]$/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')
  return num || '0'
}

/** The labels and headings the outline gives each unit, by stable id. */
function labelsById(outline: DocumentOutline): Map<string, { label: string | null; heading: string | null }> {
  const out = new Map<string, { label: string | null; heading: string | null }>()
  const blocks = (items: readonly OutlineBlock[]) => {
    for (const b of items) {
      if (b.kind === 'point' || b.kind === 'subpoint') {
        out.set(b.id, { label: b.label, heading: null })
        blocks(b.blocks)
      }
    }
  }
  const units = (items: readonly OutlineUnit[]) => {
    for (const u of items) {
      out.set(u.id, { label: u.label, heading: u.heading })
      if (u.kind === 'article') {
        for (const p of u.paragraphs) {
          out.set(p.id, { label: p.label, heading: null })
          blocks(p.blocks)
        }
      } else units(u.children)
    }
  }
  units(outline.body)
  for (const a of outline.annexes) out.set(a.id, { label: a.label, heading: a.heading })
  return out
}

/**
 * The eId of every unit, by stable id, per the Akoma Ntoso naming convention: articles
 * stand alone ("art_12", numbers unique in the act); parts, chapters and sections nest
 * ("part_1__chp_2__sec_1"); paragraphs, points and indents hang off their article
 * ("art_12__para_1__point_a__point_1", "art_3__para_1__indent_2"). An unnumbered paragraph
 * takes its position (so does a standard's criterion).
 */
export function akomaNtosoIds(doc: Node, numbers: Numbering, outline: DocumentOutline): Map<string, string> {
  const labels = labelsById(outline)
  const ids = new Map<string, string>()
  const numberOf = (node: Node, fallback: number) => {
    const id = node.attrs.id as string
    return numbers.get(id) ?? String(fallback)
  }
  const walkInner = (node: Node, prefix: string) => {
    let indents = 0
    let tables = 0
    node.forEach((child) => {
      const id = child.attrs.id as string | undefined
      if (!id) return
      if (child.type.name === 'point' || child.type.name === 'subpoint') {
        const label = labels.get(id)?.label
        const n = label && /^\S+\)$/.test(label) ? eIdNumber(label) : numberOf(child, 0)
        const eId = `${prefix}__point_${n}`
        ids.set(id, eId)
        walkInner(child, eId)
      } else if (child.type.name === 'indent') {
        indents += 1
        ids.set(id, `${prefix}__indent_${indents}`)
      } else if (child.type.name === 'table') {
        tables += 1
        ids.set(id, `${prefix}__table_${tables}`)
      }
    })
  }
  const walk = (node: Node, prefix: string) => {
    node.forEach((child) => {
      const id = child.attrs.id as string | undefined
      switch (child.type.name) {
        case 'part':
        case 'chapter':
        case 'section': {
          const short = child.type.name === 'part' ? 'part' : child.type.name === 'chapter' ? 'chp' : 'sec'
          const eId = `${prefix}${short}_${numberOf(child, 0)}`
          ids.set(id!, eId)
          walk(child, `${eId}__`)
          break
        }
        case 'article': {
          const eId = `art_${eIdNumber(numbers.get(id!) ?? '0')}`
          ids.set(id!, eId)
          let position = 0
          child.forEach((p) => {
            if (p.type.name !== 'paragraph') return
            position += 1
            const pid = p.attrs.id as string
            const paraId = `${eId}__para_${numbers.get(pid) ?? position}`
            ids.set(pid, paraId)
            walkInner(p, paraId)
          })
          break
        }
      }
    })
  }
  walk(doc, '')
  // Annexes are attachments att_1 … in order (the memorandum comes after them).
  let annexes = 0
  doc.forEach((child) => {
    if (child.type.name !== 'annex') return
    annexes += 1
    const eId = `att_${annexes}`
    ids.set(child.attrs.id as string, eId)
    walkInner(child, eId)
  })
  return ids
}

interface Context {
  numbers: Numbering
  variant: LanguageVariant
  ids: Map<string, string>
  labels: Map<string, { label: string | null; heading: string | null }>
}

/** Inline content: text with <b>/<i> for marks, references as <ref href="#eId">. */
function inline(block: Node, ctx: Context): XmlChild[] {
  const out: XmlChild[] = []
  block.forEach((child) => {
    if (child.isText) {
      let node: XmlChild = child.text!
      for (const mark of child.marks as readonly Mark[]) node = el(mark.type.name === 'strong' ? 'b' : 'i', {}, node)
      out.push(node)
    } else if (child.type.name === 'reference') {
      const attrs = referenceAttrs(child)
      const text = referenceText(attrs, ctx.numbers, ctx.variant)
      const target = [attrs.point, attrs.paragraph, attrs.article].map((id) => (id ? ctx.ids.get(id) : undefined)).find(Boolean)
      out.push(target && ctx.numbers.has(attrs.article) ? el('ref', { href: `#${target}` }, text) : text)
    } else out.push(child.textContent)
  })
  return out
}

const p = (block: Node, ctx: Context) => el('p', {}, inline(block, ctx))

/** A table as AKN's HTML-like <table>: rows of <th> (header row) or <td> cells holding <p>s. */
function table(node: Node, ctx: Context): XmlElement {
  const id = node.attrs.id as string
  const rows: XmlElement[] = []
  node.forEach((row) => {
    const cells: XmlElement[] = []
    row.forEach((cell) => {
      const ps: XmlElement[] = []
      cell.forEach((b) => void ps.push(p(b, ctx)))
      cells.push(el(row.attrs.header ? 'th' : 'td', {}, ps))
    })
    rows.push(el('tr', {}, cells))
  })
  return el('table', { eId: ctx.ids.get(id) ?? undefined, GUID: id }, rows)
}

/** A text block or a table, as block content. */
const block = (node: Node, ctx: Context) => (node.type.name === 'table' ? table(node, ctx) : p(node, ctx))
const isBlock = (node: Node) => node.type.name === 'text_block' || node.type.name === 'table'

/**
 * The inside of a paragraph or point: its text alone as <content>; with points or indents,
 * the leading text as <intro>, the units, text between them as <hcontainer name="text">,
 * the trailing text as <wrapUp>.
 */
function hierarchyInside(node: Node, ctx: Context, eId: string): XmlChild[] {
  const children: Node[] = []
  node.forEach((c) => {
    if (c.type.name !== 'article_heading') children.push(c)
  })
  const units = children.filter((c) => !isBlock(c))
  if (units.length === 0) return [el('content', {}, children.map((c) => block(c, ctx)))]
  const first = children.findIndex((c) => !isBlock(c))
  const last = children.length - 1 - [...children].reverse().findIndex((c) => !isBlock(c))
  const out: XmlChild[] = []
  if (first > 0) out.push(el('intro', {}, children.slice(0, first).map((c) => block(c, ctx))))
  let texts = 0
  for (const child of children.slice(first, last + 1)) {
    if (isBlock(child)) {
      texts += 1
      out.push(el('hcontainer', { eId: `${eId}__hcontainer_${texts}`, name: child.type.name === 'table' ? 'table' : 'text' }, el('content', {}, block(child, ctx))))
    } else out.push(subunit(child, ctx))
  }
  if (last < children.length - 1) out.push(el('wrapUp', {}, children.slice(last + 1).map((c) => block(c, ctx))))
  return out
}

function subunit(node: Node, ctx: Context): XmlElement {
  const id = node.attrs.id as string
  const eId = ctx.ids.get(id)!
  if (node.type.name === 'indent') {
    return el('indent', { eId, GUID: id }, el('num', {}, '–'), el('content', {}, node.firstChild ? p(node.firstChild, ctx) : el('p')))
  }
  const label = ctx.labels.get(id)?.label ?? null
  return el('point', { eId, GUID: id }, label !== null && el('num', {}, label), hierarchyInside(node, ctx, eId))
}

function unit(node: Node, ctx: Context): XmlElement | null {
  const id = node.attrs.id as string
  const eId = ctx.ids.get(id)
  const info = ctx.labels.get(id)
  switch (node.type.name) {
    case 'part':
    case 'chapter':
    case 'section': {
      const inner: XmlChild[] = []
      node.forEach((c) => {
        if (c.type.name !== 'heading') inner.push(unit(c, ctx))
      })
      return el(node.type.name, { eId, GUID: id }, el('num', {}, info?.label ?? ''), info?.heading ? el('heading', {}, info.heading) : null, inner)
    }
    case 'article': {
      const paragraphs: XmlChild[] = []
      node.forEach((c) => {
        if (c.type.name !== 'paragraph') return
        const pid = c.attrs.id as string
        const paraId = ctx.ids.get(pid)!
        const label = ctx.labels.get(pid)?.label ?? null
        paragraphs.push(el('paragraph', { eId: paraId, GUID: pid }, label !== null && el('num', {}, label), hierarchyInside(c, ctx, paraId)))
      })
      return el('article', { eId, GUID: id }, el('num', {}, info?.label ?? ''), info?.heading ? el('heading', {}, info.heading) : null, paragraphs)
    }
    default:
      return null
  }
}

/** The FRBR identification of the act, or of its memorandum (`component`). */
function identification(act: ActVersion, generatedAt: Date, component: string): XmlElement {
  const work = `/akn/ba/bill/${day(act.draft.createdAt)}/${act.draft.slug}`
  const lang = ISO_639_2[act.variant.language]
  const expression = `${work}/${lang}@${day(act.version.createdAt)}`
  const manifestation = `${expression}.akn`
  return el(
    'identification',
    { source: '#nacrt' },
    el('FRBRWork', {},
      el('FRBRthis', { value: `${work}/${component}` }),
      el('FRBRuri', { value: work }),
      el('FRBRdate', { date: day(act.draft.createdAt), name: 'draft' }),
      el('FRBRauthor', { href: `#${authorId(act)}` }),
      el('FRBRcountry', { value: 'ba' }),
      el('FRBRname', { value: act.draft.documentType }),
    ),
    el('FRBRExpression', {},
      el('FRBRthis', { value: `${expression}/${component}` }),
      el('FRBRuri', { value: expression }),
      el('FRBRdate', { date: day(act.version.createdAt), name: 'version' }),
      el('FRBRauthor', { href: `#${authorId(act)}` }),
      el('FRBRlanguage', { language: lang }),
      el('FRBRversionNumber', { value: String(act.version.seq) }),
    ),
    el('FRBRManifestation', {},
      el('FRBRthis', { value: `${expression}/${component}.xml` }),
      el('FRBRuri', { value: manifestation }),
      el('FRBRdate', { date: day(generatedAt), name: 'generation' }),
      el('FRBRauthor', { href: '#nacrt' }),
    ),
  )
}

const authorId = (act: ActVersion) => `org-${act.draft.owner.slug.replace(/[^A-Za-z0-9_-]/g, '-')}`

/**
 * A version of an act as an Akoma Ntoso 3.0 document: `<akomaNtoso><bill>` with FRBR
 * identification, the title, the legal basis, the body with eIds and our stable ids as
 * GUIDs, and the memorandum as an attachment. Labels are the outline's, in the act's
 * language variant and script.
 */
export function akomaNtosoXml(act: ActVersion, generatedAt: Date): string {
  const numbers = numberDocument(act.doc, act.mode)
  const ids = akomaNtosoIds(act.doc, numbers, act.outline)
  const ctx: Context = { numbers, variant: act.variant, ids, labels: labelsById(act.outline) }
  const references = el(
    'references',
    { source: '#nacrt' },
    el('TLCOrganization', { eId: 'nacrt', href: '/ontology/organization/nacrt', showAs: 'Nacrt' }),
    el('TLCOrganization', { eId: authorId(act), href: `/ontology/organization/ba/${act.draft.owner.slug}`, showAs: act.draft.owner.name }),
  )
  const body: XmlChild[] = []
  let preamble: XmlElement | null = null
  let memorandum: XmlElement | null = null
  const annexes: XmlElement[] = []
  let annexCount = 0
  act.doc.forEach((child) => void (child.type.name === 'annex' && annexCount++))
  // The memorandum is the attachment after the annexes.
  const memoAtt = `att_${annexCount + 1}`
  act.doc.forEach((child) => {
    if (child.type.name === 'preamble') {
      const ps: XmlElement[] = []
      child.forEach((b) => ps.push(p(b, ctx)))
      preamble = el('preamble', {}, ps)
    } else if (child.type.name === 'memorandum') {
      let n = 0
      const sections: XmlElement[] = []
      child.forEach((section) => {
        n += 1
        const texts: XmlElement[] = []
        section.forEach((b) => {
          if (b.type.name === 'text_block') texts.push(p(b, ctx))
        })
        sections.push(
          el('hcontainer', { eId: `${memoAtt}__hcontainer_${n}`, GUID: section.attrs.id as string, name: 'memorandumSection' },
            el('heading', {}, section.firstChild?.textContent ?? ''),
            el('content', {}, texts),
          ),
        )
      })
      memorandum = el('attachment', { eId: memoAtt },
        el('doc', { name: 'explanatoryMemorandum' },
          el('meta', {}, identification(act, generatedAt, '!obrazlozenje')),
          el('preface', {}, el('p', {}, el('docTitle', {}, act.outline.memorandum?.label ?? ''))),
          el('mainBody', {}, sections),
        ),
      )
    } else if (child.type.name === 'annex') {
      const id = child.attrs.id as string
      const eId = ctx.ids.get(id)!
      const info = ctx.labels.get(id)
      const blocks: XmlElement[] = []
      child.forEach((b, _o, i) => {
        if (i > 0) blocks.push(block(b, ctx))
      })
      annexes.push(
        el('attachment', { eId, GUID: id },
          el('doc', { name: 'annex' },
            el('meta', {}, identification(act, generatedAt, `!prilog_${eIdNumber(numbers.get(id) ?? String(annexes.length + 1))}`)),
            el('preface', {}, el('p', {}, el('docNumber', {}, info?.label ?? ''), info?.heading ? el('docTitle', {}, info.heading) : null)),
            el('mainBody', {}, blocks),
          ),
        ),
      )
    } else {
      const u = unit(child, ctx)
      if (u) body.push(u)
    }
  })
  const root = el('akomaNtoso', { xmlns: AKN_NAMESPACE },
    el('bill', { name: act.draft.documentType },
      el('meta', {}, identification(act, generatedAt, '!main'), references),
      el('preface', {}, el('longTitle', {}, el('p', {}, el('docTitle', {}, act.outline.title)))),
      preamble,
      el('body', {}, body),
      annexes.length > 0 || memorandum ? el('attachments', {}, annexes, memorandum) : null,
    ),
  )
  return serializeXml(root)
}
