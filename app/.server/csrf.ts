import Tokens from 'csrf'

// Synchroniser tokens (the `csrf` package): a secret per browser in an httpOnly cookie,
// and in every form a token made from it. A cross-site page can send the cookie but can
// neither read the secret nor forge a token.
const tokens = new Tokens()

export const CSRF_FIELD = 'csrf'
export const CSRF_HEADER = 'x-csrf-token'

export function newCsrfSecret(): string {
  return tokens.secretSync()
}

export function csrfTokenFor(secret: string): string {
  return tokens.create(secret)
}

export function isValidCsrfToken(secret: string | null, token: string | null): boolean {
  if (!secret || !token) return false
  return tokens.verify(secret, token)
}

/** The token a state-changing request carries: a form field, or a header for scripts. */
export async function csrfTokenOf(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER)
  if (header) return header
  const type = request.headers.get('content-type') ?? ''
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return null
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD)
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}
