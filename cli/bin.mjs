#!/usr/bin/env node
// The `nacrt` command: TypeScript sources run through tsx, like the server.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('./main.ts')
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
