import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  appDirectory: 'app',
  buildDirectory: 'build',
  // Root middleware resolves the session and checks CSRF tokens before any action runs.
  future: { v8_middleware: true },
} satisfies Config
