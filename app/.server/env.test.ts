import { describe, expect, it } from 'vitest'
import { readEnv } from './env.ts'

describe('readEnv', () => {
  it('gives the embedded SQLite default and port 3000', () => {
    const env = readEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBe('file:./data/nacrt.db')
  })
  it('reads PORT from the environment', () => {
    expect(readEnv({ PORT: '4123' }).PORT).toBe(4123)
  })
  it('names every bad value in its message', () => {
    expect(() => readEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/)
  })
})
