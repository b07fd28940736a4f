/** A parsed element, for tests: name, attributes (entities decoded), children and text. */
export interface ParsedElement {
  name: string
  attrs: Record<string, string>
  children: ParsedElement[]
  /** Text and elements in document order. */
  nodes: (ParsedElement | string)[]
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  )

/**
 * A strict, minimal XML well-formedness check for tests (no DTDs, no CDATA): one root,
 * balanced tags, quoted attributes without duplicates, no bare `<` or `&` in text.
 * Throws on the first problem; returns the tree.
 */
export function parseXmlStrict(xml: string): ParsedElement {
  let at = 0
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`)
  }
  const NAME = /[A-Za-z_][\w.:-]*/y
  const name = () => {
    NAME.lastIndex = at
    const m = NAME.exec(xml) ?? fail('expected a name')
    at += m[0].length
    return m[0]
  }
  const space = () => {
    while (/\s/.test(xml[at] ?? '')) at++
  }
  if (xml.startsWith('<?xml')) at = xml.indexOf('?>') + 2
  space()
  const stack: ParsedElement[] = []
  let root: ParsedElement | null = null
  while (at < xml.length) {
    if (xml[at] === '<') {
      if (xml[at + 1] === '/') {
        at += 2
        const closing = name()
        space()
        if (xml[at] !== '>') fail('expected >')
        at++
        const open = stack.pop() ?? fail('closing tag without an open one')
        if (open.name !== closing) fail(`</${closing}> closes <${open.name}>`)
        continue
      }
      if (xml.startsWith('<!--', at)) {
        at = xml.indexOf('-->', at) + 3
        continue
      }
      at++
      const element: ParsedElement = { name: name(), attrs: {}, children: [], nodes: [] }
      if (root && stack.length === 0) fail('a second root element')
      for (;;) {
        const before = at
        space()
        if (xml[at] === '/' || xml[at] === '>') break
        if (at === before) fail('expected space between attributes')
        const key = name()
        if (key in element.attrs) fail(`duplicate attribute ${key}`)
        space()
        if (xml[at] !== '=') fail('expected =')
        at++
        space()
        const quote = xml[at]
        if (quote !== '"' && quote !== "'") fail('unquoted attribute')
        const end = xml.indexOf(quote!, at + 1)
        const raw = xml.slice(at + 1, end)
        if (end < 0 || raw.includes('<') || /&(?!(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);)/i.test(raw)) fail('bad attribute value')
        element.attrs[key] = decode(raw)
        at = end + 1
      }
      stack[stack.length - 1]?.children.push(element)
      stack[stack.length - 1]?.nodes.push(element)
      root ??= element
      if (xml[at] === '/') {
        if (xml[at + 1] !== '>') fail('expected />')
        at += 2
      } else {
        at++
        stack.push(element)
      }
    } else {
      const end = xml.indexOf('<', at) < 0 ? xml.length : xml.indexOf('<', at)
      const raw = xml.slice(at, end)
      if (/&(?!(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);)/i.test(raw)) fail('bare &')
      if (raw.includes('>') && raw.includes(']]>')) fail(']]> in text')
      if (stack.length === 0 && raw.trim() !== '') fail('text outside the root')
      if (stack.length > 0 && raw !== '') stack[stack.length - 1]!.nodes.push(decode(raw))
      at = end
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`)
  return root ?? fail('no root element')
}

/** Every element of a tree, depth first. */
export function allElements(root: ParsedElement): ParsedElement[] {
  return [root, ...root.children.flatMap(allElements)]
}

/** The text of an element and everything inside it, in document order. */
export function deepText(e: ParsedElement): string {
  return e.nodes.map((n) => (typeof n === 'string' ? n : deepText(n))).join('')
}
