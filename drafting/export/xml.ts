// A small typed XML builder: elements are values, text is escaped when written, so no
// unescaped text ever reaches the output.

/** An XML element with its attributes (undefined and null are left out) and children. */
export interface XmlElement {
  name: string
  attrs: Readonly<Record<string, string | number | null | undefined>>
  children: readonly XmlChild[]
}
/** Text, an element, or nothing (false, null and undefined are skipped, for conditional children). */
export type XmlChild = XmlElement | string | null | undefined | false

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/

/** An element. A name that is not an XML name is a caller's bug. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlChild | readonly XmlChild[])[]): XmlElement {
  if (!NAME.test(name)) throw new RangeError(`Not an XML name: ${name}`)
  return { name, attrs, children: children.flat() as XmlChild[] }
}

// Characters XML 1.0 does not allow, even escaped: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text escaped for element content; characters XML cannot hold are dropped. */
export function escapeText(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Text escaped for a double-quoted attribute value (line breaks kept as references). */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

function write(node: XmlElement, out: string[]): void {
  out.push('<', node.name)
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === null) continue
    if (!NAME.test(key)) throw new RangeError(`Not an XML attribute name: ${key}`)
    out.push(' ', key, '="', escapeAttr(String(value)), '"')
  }
  const children = node.children.filter((c): c is XmlElement | string => c !== null && c !== undefined && c !== false && c !== '')
  if (children.length === 0) {
    out.push('/>')
    return
  }
  out.push('>')
  for (const child of children) {
    if (typeof child === 'string') out.push(escapeText(child))
    else write(child, out)
  }
  out.push('</', node.name, '>')
}

/** The document as text, with the XML declaration. */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  write(root, out)
  out.push('\n')
  return out.join('')
}
