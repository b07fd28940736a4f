import { describe, expect, it } from 'vitest'
import { coalescedStream } from './coalesced-stream.ts'

describe('coalescedStream', () => {
  it('sends what is written in one turn as one chunk, in order, and runs final at the end', async () => {
    let finals = 0
    const stream = coalescedStream({ final: (callback) => { finals += 1; callback() } })
    const chunks: string[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
    const ended = new Promise((resolve) => stream.on('end', resolve))
    for (let i = 0; i < 100; i++) stream.write(`<p>${i}</p>`)
    await new Promise((resolve) => setImmediate(resolve))
    stream.write('<p>later</p>')
    stream.end()
    await ended
    expect(chunks).toHaveLength(2)
    expect(chunks.join('')).toBe(`${Array.from({ length: 100 }, (_, i) => `<p>${i}</p>`).join('')}<p>later</p>`)
    expect(finals).toBe(1)
  })

  it('does not hold more than 64 KB', async () => {
    const stream = coalescedStream()
    const sizes: number[] = []
    stream.on('data', (chunk: Buffer) => sizes.push(chunk.length))
    const ended = new Promise((resolve) => stream.on('end', resolve))
    for (let i = 0; i < 40; i++) stream.write(Buffer.alloc(4096, 'a'))
    stream.end()
    await ended
    expect(sizes).toEqual([64 * 1024, 64 * 1024, 4096 * 8])
  })
})
