// A second app instance for the round benchmark (bench/round-child.ts starts it): the
// real app (server/main.ts createApp + build/server) in a process of its own, on the same
// SQLite file as the first, as a deployment runs several instances behind a balancer.
// The settings come from the environment (DATABASE_URL, the comment limits); prints
// `listening <port>` on stdout once it serves on a random loopback port.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'
import { readEnv } from '../app/.server/env.ts'
import { createApp } from '../server/main.ts'

const root = path.resolve(import.meta.dirname, '..')
const build = (await import(pathToFileURL(path.join(root, 'build', 'server', 'index.js')).href)) as ServerBuild
const { app } = await createApp(readEnv(), build)
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
