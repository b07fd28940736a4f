import type { PrismaClient } from '../generated/prisma/client.ts'

/** The database handle every service takes as its first parameter. */
export type Db = PrismaClient
