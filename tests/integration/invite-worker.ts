// One "app instance" for interested-parties.test.ts: opens the test database on its own
// connection in its own process, waits for the agreed moment, invites the round's parties
// and prints the ids of the parties it got to e-mail, as JSON.
// Usage: node --import tsx tests/integration/invite-worker.ts FILE ROUND_ID NOW_ISO START_AT_MS
import { openDb } from '../../app/.server/db.ts'
import { inviteInterestedParties } from '../../consultation/interested-parties.ts'

const [file, roundId, now, startAt] = process.argv.slice(2)
const db = await openDb(`file:${file}`)
try {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())))
  const result = await inviteInterestedParties(db, roundId!, new Date(now!))
  process.stdout.write(JSON.stringify(result.ok ? result.value.map((e) => e.partyId) : result))
} finally {
  await db.$disconnect()
}
