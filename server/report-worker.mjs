// The export worker thread's entry: TypeScript sources run through tsx, as in the server.
import { register } from 'tsx/esm/api'

register()
await import('./report-worker.ts')
