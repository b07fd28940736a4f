import type { PrismaClient } from '../generated/prisma/client.ts'

/** The database handle every service takes as its first parameter. */
export type Db = PrismaClient

/** A handle inside an interactive transaction: the same models, no $transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
