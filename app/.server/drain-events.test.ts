import { EventEmitter, once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { keepDrainListeners } from './drain-events.ts'

/** A response as compression leaves it: 'drain' listeners go to the zlib stream through `on` only. */
function compressedResponse() {
  const res = new EventEmitter()
  const stream = new EventEmitter()
  // The leak test piles up listeners on purpose: no warning for it in the test output.
  stream.setMaxListeners(0)
  const on = res.on.bind(res)
  res.on = function (type: string | symbol, listener: (...args: unknown[]) => void) {
    if (type === 'drain') {
      stream.on(type, listener)
      return res
    }
    return on(type, listener)
  }
  return { res, stream }
}

/** What React Router does on each write that meets backpressure: wait once, then clean up. */
async function waitForDrain(res: EventEmitter, stream: EventEmitter) {
  let done = false
  const onDrain = () => void (done = true)
  res.once('drain', onDrain)
  stream.emit('drain')
  res.off('drain', onDrain)
  return done
}

describe('keepDrainListeners', () => {
  it('shows the leak it exists for: without it, every wait leaves a listener on the stream', async () => {
    const { res, stream } = compressedResponse()
    for (let i = 0; i < 20; i++) await waitForDrain(res, stream)
    expect(stream.listenerCount('drain')).toBe(20)
  })

  it('keeps one listener on the stream however many times a response waits, and still wakes each wait', async () => {
    const { res, stream } = compressedResponse()
    keepDrainListeners(res)
    const woken: boolean[] = []
    for (let i = 0; i < 20; i++) woken.push(await waitForDrain(res, stream))
    expect(woken.every(Boolean)).toBe(true)
    expect(stream.listenerCount('drain')).toBe(1)
    expect(res.listenerCount('drain')).toBe(0)
  })

  it('leaves other events to the response as they were, and works with events.once', async () => {
    const { res, stream } = compressedResponse()
    keepDrainListeners(res)
    let closed = 0
    res.on('close', () => (closed += 1))
    res.emit('close')
    expect(closed).toBe(1)
    const waiting = once(res, 'drain')
    stream.emit('drain')
    await expect(waiting).resolves.toEqual([])
    expect(stream.listenerCount('drain')).toBe(1)
  })
})
