// The load generator of the round benchmark (bench/round-child.ts starts it): autocannon
// POSTs comments to a running server, each request as the next seeded account (its
// session cookie, CSRF cookie and token) with a fresh clientKey. A process of its own so
// that it does not share the server's event loop. Prints autocannon's result as JSON.
// Usage: node bench/round-load.mjs <accounts.json> (url, roundId, accounts, targets, seconds, connections)
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const { url, roundId, accounts, targets, seconds, connections } = spec
let n = 0
const origin = new URL(url).origin

const result = await autocannon({
  url,
  connections,
  duration: seconds,
  // Follow nothing: the answer to a stored comment is a 302 to the draft page.
  requests: [
    {
      method: 'POST',
      path: `/rounds/${roundId}/comment`,
      setupRequest: (req) => {
        const i = n++
        const account = accounts[i % accounts.length]
        const body = new URLSearchParams({
          body: `Prijedlog opterećenja ${i}: član treba dopuniti rokom od 30 dana i obavezom obavještavanja korisnika.`,
          consentToPublish: 'on',
          csrf: account.csrfToken,
          clientKey: `bench-${process.pid}-${i}`,
        })
        const target = targets[i % targets.length]
        if (target) body.set('targetNodeId', target)
        return {
          ...req,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: account.cookie,
            origin,
          },
          body: body.toString(),
        }
      },
    },
  ],
})
process.stdout.write(JSON.stringify({
  requests: result.requests,
  latency: result.latency,
  duration: result.duration,
  s1xx: result['1xx'], s2xx: result['2xx'], s3xx: result['3xx'], s4xx: result['4xx'], s5xx: result['5xx'],
  errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, sent: n,
}))
