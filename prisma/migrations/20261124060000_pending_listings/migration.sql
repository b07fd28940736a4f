-- AlterTable
ALTER TABLE "RoundInvitation" ADD COLUMN "leaveTokenHash" TEXT;

-- CreateTable
CREATE TABLE "PendingListing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisationName" TEXT,
    "category" TEXT NOT NULL DEFAULT 'citizen',
    "listedPublicly" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingListing_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingListing_tokenHash_key" ON "PendingListing"("tokenHash");

-- CreateIndex
CREATE INDEX "PendingListing_expiresAt_idx" ON "PendingListing"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoundInvitation_leaveTokenHash_key" ON "RoundInvitation"("leaveTokenHash");
