import type { LanguageVariant } from './language.ts'
import { legalLabels } from './labels.ts'
import { nextFrozenNumber } from './numbering.ts'
import { toCyrillic, toLatin } from './transliteration.ts'
import { newTextOf, type AnnexDiff, type ArticleDiff, type DocumentDiff, type ParagraphDiff } from './diff.ts'

/**
 * The text of an amending law (zakon o izmjenama i dopunama) that turns the old version
 * of a comparison into the new one, in the formulas BiH drafting rules use:
 * "U članu 5. stav (2) mijenja se i glasi:", "Iza člana 10. dodaje se novi član 10a. koji
 * glasi:", "Član 12. briše se.". The base act is not renumbered: changes cite its old
 * numbers, and inserted articles take the previous number with a letter (10a, 10b …).
 * A moved article is deleted where it was and inserted where it now stands. Annexes
 * (prilozi) follow the articles, each in the same formulas: "Prilog 2. mijenja se i glasi:",
 * "Iza Priloga 2. dodaje se novi Prilog 2a. koji glasi:" (with continuous numbering the
 * number the new version gives, "Prilog 3.", and "Dosadašnji Prilog 3. postaje Prilog 4."
 * for the annexes after it), "Prilog 3. briše se.". Pure.
 *
 * Not generated: changes to parts and chapters, and word-for-word replacements
 * ("riječi … zamjenjuju se riječima …"); a changed paragraph is given in full, and so is
 * a paragraph whose table changed (its rows one a line, cells joined by " | "): the rules
 * give no formula for a table on its own, a table being part of its paragraph's text.
 */

export interface AmendmentOptions {
  /** The amended act in running text, nominative: "Zakon o socijalnim uslugama". */
  lawTitle: string
  /** Where the act was published: `"Službene novine Federacije BiH", br. 36/99 i 54/04`. */
  gazette?: string
}

interface Phrases {
  article: { nom: string; gen: string; loc: string }
  paragraph: { nom: string; gen: string; loc: string }
  point: string
  replaces: string
  deleted: string
  after: string
  before: string
  addsArticle: (article: string) => string
  addsParagraph: (paragraph: string) => string
  renumbers: (from: string, to: string) => string
  annex: { nom: string; gen: string }
  addsAnnex: (annex: string) => string
  renumbersAnnex: (from: string, to: string) => string
  law: { loc: Record<string, string>; gen: Record<string, string> }
  entryIntoForce: string
  fallbackGazette: string
  quotes: [string, string]
  title: { changes: [string, string]; additions: [string, string]; both: string; of: string }
}

// Ijekavian throughout: bs, hr and BiH Serbian in both scripts. The Croatian and Cyrillic
// insertion formulas are derived by analogy from the Bosnian ones (legal-structure.md §3).
// The annex formulas are derived by analogy with the article ones in every variant
// [unverified]: the sources quote none.
const BOSNIAN: Phrases = {
  article: { nom: 'član', gen: 'člana', loc: 'članu' },
  paragraph: { nom: 'stav', gen: 'stava', loc: 'stavu' },
  point: 'tačka',
  replaces: 'mijenja se i glasi:',
  deleted: 'briše se.',
  after: 'Iza',
  before: 'Ispred',
  addsArticle: (a) => `dodaje se novi član ${a}. koji glasi:`,
  addsParagraph: (p) => `dodaje se novi stav ${p} koji glasi:`,
  renumbers: (from, to) => `Dosadašnji stav ${from} postaje stav ${to}.`,
  annex: { nom: 'Prilog', gen: 'Priloga' },
  addsAnnex: (a) => `dodaje se novi Prilog ${a}. koji glasi:`,
  renumbersAnnex: (from, to) => `Dosadašnji Prilog ${from}. postaje Prilog ${to}.`,
  law: {
    loc: { Zakon: 'Zakonu', Pravilnik: 'Pravilniku', Uredba: 'Uredbi', Odluka: 'Odluci' },
    gen: { Zakon: 'Zakona', Pravilnik: 'Pravilnika', Uredba: 'Uredbe', Odluka: 'Odluke' },
  },
  entryIntoForce: 'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja u',
  fallbackGazette: 'službenom glasilu',
  quotes: ['"', '"'],
  title: { changes: ['IZMJENI', 'IZMJENAMA'], additions: ['DOPUNI', 'DOPUNAMA'], both: 'IZMJENAMA I DOPUNAMA', of: 'ZAKON O' },
}

const CROATIAN: Phrases = {
  ...BOSNIAN,
  article: { nom: 'članak', gen: 'članka', loc: 'članku' },
  paragraph: { nom: 'stavak', gen: 'stavka', loc: 'stavku' },
  point: 'točka',
  addsArticle: (a) => `dodaje se novi članak ${a}. koji glasi:`,
  addsParagraph: (p) => `dodaje se novi stavak ${p} koji glasi:`,
  renumbers: (from, to) => `Dosadašnji stavak ${from} postaje stavak ${to}.`,
  entryIntoForce: 'Ovaj zakon stupa na snagu osmoga dana od dana objavljivanja u',
}

const SERBIAN_CYRILLIC: Phrases = {
  article: { nom: 'члан', gen: 'члана', loc: 'члану' },
  paragraph: { nom: 'став', gen: 'става', loc: 'ставу' },
  point: 'тачка',
  replaces: 'мијења се и гласи:',
  deleted: 'брише се.',
  after: 'Иза',
  before: 'Испред',
  addsArticle: (a) => `додаје се нови члан ${a}. који гласи:`,
  addsParagraph: (p) => `додаје се нови став ${p} који гласи:`,
  renumbers: (from, to) => `Досадашњи став ${from} постаје став ${to}.`,
  annex: { nom: 'Прилог', gen: 'Прилога' },
  addsAnnex: (a) => `додаје се нови Прилог ${a}. који гласи:`,
  renumbersAnnex: (from, to) => `Досадашњи Прилог ${from}. постаје Прилог ${to}.`,
  law: {
    loc: { Закон: 'Закону', Правилник: 'Правилнику', Уредба: 'Уредби', Одлука: 'Одлуци' },
    gen: { Закон: 'Закона', Правилник: 'Правилника', Уредба: 'Уредбе', Одлука: 'Одлуке' },
  },
  entryIntoForce: 'Овај закон ступа на снагу осмог дана од дана објављивања у',
  fallbackGazette: 'службеном гласилу',
  quotes: ['„', '“'],
  title: { changes: ['ИЗМЈЕНИ', 'ИЗМЈЕНАМА'], additions: ['ДОПУНИ', 'ДОПУНАМА'], both: 'ИЗМЈЕНАМА И ДОПУНАМА', of: 'ЗАКОН О' },
}

function phrasesFor(variant: LanguageVariant): Phrases {
  if (variant.script === 'cyrl') return SERBIAN_CYRILLIC
  return variant.language === 'hr' ? CROATIAN : BOSNIAN
}

// Gazette names and their locative, for "stupa na snagu … u "Službenim novinama …"".
const GAZETTE_LOCATIVES: [RegExp, string][] = [
  [/^Službene novine/, 'Službenim novinama'],
  [/^Službeni glasnik/, 'Službenom glasniku'],
  [/^Službeni list/, 'Službenom listu'],
  [/^Narodne novine/, 'Narodnim novinama'],
  [/^Службене новине/, 'Службеним новинама'],
  [/^Службени гласник/, 'Службеном гласнику'],
  [/^Службени лист/, 'Службеном листу'],
]

function gazetteLocative(gazette: string | undefined, phrases: Phrases): string {
  if (!gazette) return phrases.fallbackGazette
  const name = /["„“”«]([^"„“”»]+)["“”»]/.exec(gazette)?.[1] ?? gazette.split(',')[0]!.trim()
  for (const [pattern, locative] of GAZETTE_LOCATIVES) {
    if (pattern.test(name)) return `${phrases.quotes[0]}${name.replace(pattern, locative)}${phrases.quotes[1]}`
  }
  return phrases.fallbackGazette
}

/** "Zakon o …" → "Zakonu o …" (or "Zakona o …"): the first word declined, the rest as written. */
function declineTitle(title: string, table: Record<string, string>): string {
  const [first = '', ...rest] = title.trim().split(/\s+/)
  const declined = table[first] ?? table[first.charAt(0) + first.slice(1).toLowerCase()] ?? first
  return [declined, ...rest].join(' ')
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** One change within an amending article: the sentence as the article's first and as a later one. */
interface Sentence {
  first: string
  next: string
  quote?: string
}

/** An article of the amending law before it is numbered, placed by the old article it follows. */
interface Operation {
  at: number
  after: boolean
  sentences: Sentence[]
}

function numberKey(number: string): [number, string] {
  const match = /^(\d+)\s*(\S*)$/.exec(toLatin(number))
  return match ? [Number(match[1]), match[2]!] : [Number.MAX_SAFE_INTEGER, number]
}

function compareNumbers(a: string, b: string): number {
  const [x, s] = numberKey(a)
  const [y, t] = numberKey(b)
  return x - y || (s.length - t.length) || (s < t ? -1 : s > t ? 1 : 0)
}

/**
 * The amending law's articles for a comparison, each "Član 1.\n…", in the variant's
 * language and script, the last one on entry into force. Empty when nothing changed.
 */
export function amendmentText(diff: DocumentDiff, variant: LanguageVariant, options: AmendmentOptions): string[] {
  const phrases = phrasesFor(variant)
  const labels = legalLabels(variant)
  const cyrl = variant.script === 'cyrl'
  const show = (number: string) => (cyrl ? toCyrillic(number) : number)
  const quote = (text: string) => `${phrases.quotes[0]}${text}${phrases.quotes[1]}.`
  const U = cyrl ? 'У' : 'U'

  // Old articles in their old order, which their numbers give.
  const oldNumbers = diff.articles.flatMap((a) => (a.oldNumber === null ? [] : [a.oldNumber])).sort(compareNumbers)
  const oldIndex = new Map(oldNumbers.map((n, i) => [n, i]))
  const taken = new Set(oldNumbers.map((n) => toLatin(n)))

  const operations: Operation[] = []
  let anchor = -1
  let anchorNumber: string | null = null

  const articleText = (number: string, a: ArticleDiff) =>
    [
      labels.article(show(number)),
      ...(a.heading ? [`(${a.heading})`] : []),
      ...a.paragraphs.filter((p) => p.status !== 'deleted').map((p) => paragraphText(p)),
    ].join('\n')

  const insert = (a: ArticleDiff) => {
    let number = nextFrozenNumber(anchorNumber === null ? '0' : toLatin(anchorNumber))
    while (taken.has(number)) number = nextFrozenNumber(number)
    taken.add(number)
    const where = anchorNumber === null
      ? `${phrases.before} ${phrases.article.gen} ${show(oldNumbers[0] ?? '1')}.`
      : `${phrases.after} ${phrases.article.gen} ${show(anchorNumber)}.`
    const sentence = `${where} ${phrases.addsArticle(show(number))}`
    operations.push({ at: anchor, after: true, sentences: [{ first: sentence, next: sentence, quote: articleText(number, a) }] })
    anchorNumber = number
  }

  const remove = (a: ArticleDiff) => {
    const sentence = `${upperFirst(phrases.article.nom)} ${show(a.oldNumber!)}. ${phrases.deleted}`
    operations.push({ at: oldIndex.get(a.oldNumber!)!, after: false, sentences: [{ first: sentence, next: sentence }] })
  }

  for (const a of diff.articles) {
    if (a.status === 'added') insert(a)
    else if (a.status === 'deleted') remove(a)
    else if (a.moved) {
      remove(a)
      insert(a)
    } else {
      anchor = oldIndex.get(a.oldNumber!)!
      anchorNumber = a.oldNumber
      if (a.status === 'changed') {
        const whole = `${upperFirst(phrases.article.nom)} ${show(a.oldNumber!)}. ${phrases.replaces}`
        const sentences = paragraphSentences(a) ?? [{ first: whole, next: whole, quote: articleText(a.oldNumber!, a) }]
        operations.push({ at: anchor, after: false, sentences })
      }
    }
  }

  // Base-act order: each change at its old article, insertions right after their anchor;
  // then the annexes, which follow the articles.
  const ordered = operations
    .map((op, seq) => ({ op, seq }))
    .sort((x, y) => x.op.at - y.op.at || Number(x.op.after) - Number(y.op.after) || x.seq - y.seq)
    .map(({ op }) => op)
  ordered.push(...annexOperations(diff.annexes ?? []))
  if (ordered.length === 0) return []

  const gazette = options.gazette ? ` (${options.gazette})` : ''
  const citation = `${U} ${declineTitle(options.lawTitle, phrases.law.loc)}${gazette}`
  const out = ordered.map((op, i) => {
    const lines = op.sentences.flatMap((s, j) => {
      const sentence = j === 0 ? (i === 0 ? `${citation} ${lowerFirst(s.first)}` : s.first) : s.next
      return s.quote === undefined ? [sentence] : [sentence, quote(s.quote)]
    })
    return `${labels.article(String(i + 1))}\n${lines.join('\n')}`
  })
  out.push(`${labels.article(String(out.length + 1))}\n${phrases.entryIntoForce} ${gazetteLocative(options.gazette, phrases)}.`)
  return out

  /**
   * The annexes' changes in their order, one amending article each: a changed annex given
   * in full, an added one after the annex (or, for the first, the last article) it follows,
   * a deleted one struck; annexes renumbered by continuous numbering in one article at the end.
   */
  function annexOperations(annexes: readonly AnnexDiff[]): Operation[] {
    const out: Operation[] = []
    const one = (at: number, after: boolean, sentence: string, quoted?: string): Operation =>
      ({ at, after, sentences: [{ first: sentence, next: sentence, ...(quoted === undefined ? {} : { quote: quoted }) }] })
    const annexText = (number: string, a: AnnexDiff) => {
      const body = newTextOf(a.changes)
      return [labels.annex(show(number)), a.heading, ...(body ? [body] : [])].join('\n')
    }
    // Old annexes in their old order, which their numbers give.
    const olds = annexes.flatMap((a) => (a.oldNumber === null ? [] : [a.oldNumber])).sort(compareNumbers)
    const oldAt = new Map(olds.map((n, i) => [n, i]))
    // Old numbers that stay where they are: a new annex may not take one of them.
    const kept = new Set(annexes.flatMap((a) => (a.status !== 'added' && a.status !== 'deleted' && a.oldNumber === a.newNumber && a.oldNumber !== null ? [toLatin(a.oldNumber)] : [])))
    const taken = new Set(olds.map((n) => toLatin(n)))
    const renumbered: string[] = []
    let previous: string | null = null
    let at = -1
    for (const a of annexes) {
      if (a.status === 'added') {
        let number = a.newNumber === null ? null : toLatin(a.newNumber)
        if (number === null || kept.has(number)) {
          number = nextFrozenNumber(previous === null ? '0' : toLatin(previous))
          while (taken.has(number)) number = nextFrozenNumber(number)
        }
        taken.add(number)
        const lastArticle = oldNumbers[oldNumbers.length - 1]
        const where = previous !== null
          ? `${phrases.after} ${phrases.annex.gen} ${show(previous)}.`
          : `${phrases.after} ${phrases.article.gen} ${show(lastArticle ?? '1')}.`
        out.push(one(at, true, `${where} ${phrases.addsAnnex(show(number))}`, annexText(number, a)))
        previous = number
        continue
      }
      const old = a.oldNumber!
      const own = oldAt.get(old)!
      if (a.status === 'deleted') out.push(one(own, false, `${phrases.annex.nom} ${show(old)}. ${phrases.deleted}`))
      else {
        if (a.status === 'changed') out.push(one(own, false, `${phrases.annex.nom} ${show(old)}. ${phrases.replaces}`, annexText(a.newNumber ?? old, a)))
        if (a.newNumber !== null && a.newNumber !== old) renumbered.push(phrases.renumbersAnnex(show(old), show(a.newNumber)))
        previous = old
        at = own
      }
    }
    // The base act's order: each change at its old annex, insertions right after their anchor.
    const ordered = out
      .map((op, seq) => ({ op, seq }))
      .sort((x, y) => x.op.at - y.op.at || Number(x.op.after) - Number(y.op.after) || x.seq - y.seq)
      .map(({ op }) => op)
    if (renumbered.length > 0) ordered.push({ at: 0, after: false, sentences: renumbered.map((s) => ({ first: s, next: s })) })
    return ordered
  }

  /** A paragraph as the new version reads it, "(2) …". */
  function paragraphText(p: ParagraphDiff): string {
    const text = newTextOf(p.changes)
    return p.newNumber === null ? text : `${labels.paragraph(Number(p.newNumber))} ${text}`
  }

  /**
   * The changes of an article paragraph by paragraph (or point by point), or null where
   * the article is better given in full: a new heading, an unnumbered paragraph gaining
   * company, or more than half of its paragraphs touched.
   */
  function paragraphSentences(a: ArticleDiff): Sentence[] | null {
    if (a.headingChanges) return null
    const inArticle = `${U} ${phrases.article.loc} ${show(a.oldNumber!)}.`
    const para = (n: string) => `${phrases.paragraph.nom} ${labels.paragraph(Number(n))}`
    const sentences: Sentence[] = []
    const renumbered: Sentence[] = []
    let touched = 0
    let previous: string | null = null
    for (const p of a.paragraphs) {
      if (p.status === 'unchanged') {
        if (p.oldNumber !== null && p.newNumber !== null && p.oldNumber !== p.newNumber) {
          const s = phrases.renumbers(labels.paragraph(Number(p.oldNumber)), labels.paragraph(Number(p.newNumber)))
          renumbered.push({ first: `${inArticle} ${lowerFirst(s)}`, next: s })
        }
      } else if (p.status === 'changed') {
        touched++
        const points = pointSentences(p, inArticle)
        if (points) sentences.push(...points)
        else if (p.oldNumber === null) return null
        else {
          const core = `${para(p.oldNumber)} ${phrases.replaces}`
          sentences.push({ first: `${inArticle} ${core}`, next: upperFirst(core), quote: paragraphText(p) })
        }
        if (p.newNumber !== null && p.oldNumber !== null && p.oldNumber !== p.newNumber) {
          const s = phrases.renumbers(labels.paragraph(Number(p.oldNumber)), labels.paragraph(Number(p.newNumber)))
          renumbered.push({ first: `${inArticle} ${lowerFirst(s)}`, next: s })
        }
      } else if (p.status === 'added') {
        touched++
        if (p.newNumber === null || previous === null) return null
        const core = `${phrases.after.toLowerCase()} ${phrases.paragraph.gen} ${labels.paragraph(Number(previous))} ${phrases.addsParagraph(labels.paragraph(Number(p.newNumber)))}`
        sentences.push({ first: `${inArticle} ${core}`, next: upperFirst(core), quote: paragraphText(p) })
      } else {
        touched++
        if (p.oldNumber === null) return null
        const core = `${para(p.oldNumber)} ${phrases.deleted}`
        sentences.push({ first: `${inArticle} ${core}`, next: upperFirst(core) })
      }
      if (p.oldNumber !== null) previous = p.oldNumber
    }
    const size = Math.max(a.paragraphs.filter((p) => p.status !== 'added').length, a.paragraphs.filter((p) => p.status !== 'deleted').length)
    if (touched > 1 && touched * 2 > size) return null
    return [...sentences, ...renumbered]
  }

  /** Point-by-point sentences where only a point or two of a paragraph changed, else null. */
  function pointSentences(p: ParagraphDiff, inArticle: string): Sentence[] | null {
    const changed = p.items.filter((item) => item.status !== 'unchanged')
    if (changed.length === 0 || changed.length > 2) return null
    if (changed.some((item) => item.kind !== 'point' || item.status !== 'changed' || item.oldNumber === null)) return null
    // Only when nothing else in the paragraph changed: its lead text and other lines.
    const weight = (changes: ParagraphDiff['changes']) => changes.reduce((sum, c) => sum + (c.type === 'equal' ? 0 : c.text.length), 0)
    if (weight(p.changes) !== changed.reduce((sum, item) => sum + weight(item.changes), 0)) return null
    return changed.map((item) => {
      const label = labels.point(Number(item.oldNumber))
      const point = `${phrases.point} ${label}`
      const inPara = p.oldNumber === null ? '' : `${phrases.paragraph.nom} ${labels.paragraph(Number(p.oldNumber))} `
      const nextPara = p.oldNumber === null ? '' : `${U} ${phrases.paragraph.loc} ${labels.paragraph(Number(p.oldNumber))} `
      return {
        first: `${inArticle} ${inPara}${point} ${phrases.replaces}`,
        next: upperFirst(`${nextPara}${point} ${phrases.replaces}`),
        quote: `${labels.point(Number(item.newNumber ?? item.oldNumber))} ${newTextOf(item.changes)}`,
      }
    })
  }
}

/**
 * The title of the amending law: "ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O …" (changes and
 * additions), "… O IZMJENAMA …" or "… O IZMJENI …" (changes or deletions only),
 * "… O DOPUNAMA …" or "… O DOPUNI …" (additions only).
 */
export function amendingLawTitle(diff: DocumentDiff, variant: LanguageVariant, lawTitle: string): string {
  const phrases = phrasesFor(variant)
  const annexes = diff.annexes ?? []
  const additions = diff.articles.filter((a) => a.status === 'added').length + annexes.filter((a) => a.status === 'added').length
  const changes = diff.articles.filter((a) => a.status === 'changed' || a.status === 'deleted' || a.moved).length +
    annexes.filter((a) => a.status === 'changed' || a.status === 'deleted').length
  const what = additions > 0 && changes > 0
    ? phrases.title.both
    : additions > 0 ? phrases.title.additions[additions === 1 ? 0 : 1] : phrases.title.changes[changes === 1 ? 0 : 1]
  return `${phrases.title.of} ${what} ${declineTitle(lawTitle, phrases.law.gen).toUpperCase()}`
}
