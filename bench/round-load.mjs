// The load generator of the round benchmark (bench/round-child.ts starts it): autocannon
// POSTs comments to a running server, each request as the next seeded account (its
// session cookie, CSRF cookie and token) with a fresh clientKey. A process of its own so
// that it does not share the server's event loop. Prints autocannon's result as JSON, with
// the clientKey of every submission answered by a redirect to the draft page (a stored
// comment), for the caller to look up in the database.
// Usage: node bench/round-load.mjs <spec.json> (url or urls, roundId, accounts, targets, seconds, connections);
// with several urls (app instances on one database) the connections are spread over them.
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const { roundId, accounts, targets, seconds, connections } = spec
const urls = spec.urls ?? [spec.url]
let n = 0
/** clientKeys of submissions answered with a redirect to the draft (the comment stored). */
const accepted = []
const result = await autocannon({
  url: urls.length === 1 ? urls[0] : urls,
  connections,
  duration: seconds,
  // Follow nothing: the answer to a stored comment is a redirect to the draft page.
  requests: [
    {
      method: 'POST',
      path: `/rounds/${roundId}/comment`,
      setupRequest: (req, context) => {
        const i = n++
        const account = accounts[i % accounts.length]
        const body = new URLSearchParams({
          body: `Prijedlog opterećenja ${i}: član treba dopuniti rokom od 30 dana i obavezom obavještavanja korisnika.`,
          consentToPublish: 'on',
          csrf: account.csrfToken,
          clientKey: `bench-${process.pid}-${i}`,
        })
        // One request at a time per connection: the answer that comes next is this one's.
        ;(context.keys ??= []).push(body.get('clientKey'))
        const target = targets[i % targets.length]
        if (target) body.set('targetNodeId', target)
        return {
          ...req,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: account.cookie,
            // The instance this connection talks to: React Router checks a form POST's origin.
            origin: `http://${req.host ?? `${req.hostname}:${req.port}`}`,
          },
          body: body.toString(),
        }
      },
      onResponse: (status, _body, context, headers) => {
        const key = context.keys?.shift()
        if (status >= 300 && status < 400 && String(headers?.location ?? '').startsWith('/drafts/')) accepted.push(key)
      },
    },
  ],
})
process.stdout.write(JSON.stringify({
  requests: result.requests,
  latency: result.latency,
  duration: result.duration,
  s1xx: result['1xx'], s2xx: result['2xx'], s3xx: result['3xx'], s4xx: result['4xx'], s5xx: result['5xx'],
  errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, sent: n, accepted,
}))
