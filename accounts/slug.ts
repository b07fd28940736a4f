/**
 * A URL slug from a name in a Latin script: diacritics folded (đ → dj), lower case,
 * words joined by hyphens, cut at a word boundary after at most `maxLength` characters.
 * Empty when nothing Latin is left (callers transliterate Cyrillic first or fall back).
 */
export function slugify(text: string, maxLength = 80): string {
  let slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'dj')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length > maxLength) {
    // Cut at a word boundary, so that an address never ends in half a word.
    slug = slug.slice(0, maxLength + 1)
    slug = slug.slice(0, Math.max(slug.lastIndexOf('-'), Math.floor(maxLength / 2))).replace(/-$/, '')
  }
  return slug
}
