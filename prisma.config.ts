// Prisma CLI configuration: the JS engine with better-sqlite3, so that no native
// engine is ever downloaded (see docs/decisions/0002-prisma-js-engine.md).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type Database from 'better-sqlite3'

process.env.DATABASE_URL ??= 'file:./data/nacrt.db'
// SQLite creates the file but not its folder: a fresh clone has no data/ yet.
mkdirSync(path.dirname(path.resolve(process.env.DATABASE_URL.replace(/^file:/, ''))), { recursive: true })

/**
 * The stock adapter sends a whole migration file to the shadow database as one
 * statement, which better-sqlite3 refuses; scripts without arguments go through exec().
 */
class ShadowAwareSQLite3 extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb()
    const client = (adapter as unknown as { client: Database.Database }).client
    const executeRaw = adapter.executeRaw.bind(adapter)
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.includes(';')) {
        client.exec(query.sql)
        return 0
      }
      return executeRaw(query)
    }
    return adapter
  }
}

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  // Site search (prisma/migrations/20261124020000_search_fts, 20261124030000_search_speed): FTS5 tables and their shadow tables.
  tables: {
    external: [
      'SearchEntry', 'SearchText', 'SearchText_data', 'SearchText_idx', 'SearchText_content', 'SearchText_docsize', 'SearchText_config',
      'SearchArticleText', 'SearchArticleText_data', 'SearchArticleText_idx', 'SearchArticleText_content', 'SearchArticleText_docsize', 'SearchArticleText_config',
    ],
  },
  adapter: async () => new ShadowAwareSQLite3({ url: process.env.DATABASE_URL! }),
})
