import { createHash, randomBytes } from 'node:crypto'

/** A new random token for a cookie or a link (256 bits, base64url) and its stored hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

/** The SHA-256 under which a token is stored: the database never holds the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
