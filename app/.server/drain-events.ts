import { EventEmitter } from 'node:events'

// The `compression` middleware sends a response's 'drain' listeners to its zlib stream
// through `res.on`, but leaves `removeListener` on the response: a listener added with
// `once('drain')` — as React Router does on every write that meets backpressure — is
// never taken off the stream (expressjs/compression#135). On a long page each response
// piles them up ("11 drain listeners added to [BrotliCompress]"). Here the response keeps
// its drain listeners itself, and a single listener of its own stands on the stream.

type Listener = (...args: unknown[]) => void

interface DrainEmitter {
  on(type: string | symbol, listener: Listener): unknown
  removeListener(type: string | symbol, listener: Listener): unknown
  off?(type: string | symbol, listener: Listener): unknown
  addListener?(type: string | symbol, listener: Listener): unknown
}

/** Makes `res`'s 'drain' listeners removable again; call after compression wrapped `res.on`. */
export function keepDrainListeners<T extends DrainEmitter>(res: T): T {
  const drains = new EventEmitter()
  const on = res.on.bind(res)
  const removeListener = res.removeListener.bind(res)
  let forwarding = false
  const forward = () => void drains.emit('drain')
  const add = function (this: unknown, type: string | symbol, listener: Listener) {
    if (type !== 'drain') return on(type, listener)
    if (!forwarding) {
      forwarding = true
      on('drain', forward)
    }
    drains.on('drain', listener)
    return res
  }
  const remove = function (this: unknown, type: string | symbol, listener: Listener) {
    if (type !== 'drain') return removeListener(type, listener)
    drains.removeListener('drain', listener)
    return res
  }
  res.on = add
  res.addListener = add
  res.removeListener = remove
  res.off = remove
  return res
}
