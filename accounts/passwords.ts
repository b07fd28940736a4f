import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane):
// ~60 ms a hash on our 2-core machines, fast enough for logins, slow for attackers.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/** An argon2id hash (PHC string) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** Whether a password matches a stored hash; false for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

// Verified when no account matches, so that a login takes as long whether or not the
// e-mail address is registered.
let dummyHash: Promise<string> | null = null
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}
