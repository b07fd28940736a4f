export type { Db, Tx } from '../accounts/db.ts'
