const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A new stable node id: 12 base-36 characters (~62 bits), unique enough for the nodes
 * of all drafts of an installation. Ids never change once given: they are how an
 * article keeps its identity across renumbering and versions. Uses Web Crypto, so the
 * same code runs in the server and in the browser editor.
 */
export function newNodeId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % 36]
  return id
}
