-- AlterTable
ALTER TABLE "Response" ADD COLUMN "changeNodeId" TEXT;
ALTER TABLE "Response" ADD COLUMN "changeVersionId" TEXT;

-- CreateTable
CREATE TABLE "Hearing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    "agenda" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Hearing_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundTransition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" TEXT,
    "reason" TEXT,
    "scheduleKey" TEXT,
    CONSTRAINT "RoundTransition_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterestedParty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisationName" TEXT,
    "category" TEXT NOT NULL DEFAULT 'citizen',
    "listedPublicly" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'self',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "InterestedParty_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundInvitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundInvitation_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "InterestedParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "plannedFor" TEXT NOT NULL,
    "draftId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "proposedWording" TEXT,
    "writtenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommentRevision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'attachment',
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "reporterKey" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponseTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasoning" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResponseTemplate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "payload" JSONB NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "resultKey" TEXT,
    "error" TEXT,
    "requestedById" TEXT,
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "authorId" TEXT,
    "organisationId" TEXT,
    "targetKind" TEXT NOT NULL DEFAULT 'draft',
    "targetNodeId" TEXT,
    "articleNodeId" TEXT,
    "body" TEXT NOT NULL,
    "proposedWording" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "consentToPublish" BOOLEAN NOT NULL DEFAULT true,
    "consentToBeNamed" BOOLEAN NOT NULL DEFAULT false,
    "clientKey" TEXT,
    "authorName" TEXT,
    "consentedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "channel" TEXT NOT NULL DEFAULT 'online',
    "enteredById" TEXT,
    "authorCategory" TEXT NOT NULL DEFAULT 'citizen',
    "parentId" TEXT,
    "hiddenReason" TEXT,
    "moderatedAt" DATETIME,
    "moderatedById" TEXT,
    "redactedBody" TEXT,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "assigneeId" TEXT,
    "groupKey" TEXT,
    CONSTRAINT "Comment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("articleNodeId", "authorId", "authorName", "body", "clientKey", "consentToBeNamed", "consentToPublish", "consentedAt", "createdAt", "editedAt", "id", "organisationId", "proposedWording", "roundId", "status", "targetKind", "targetNodeId") SELECT "articleNodeId", "authorId", "authorName", "body", "clientKey", "consentToBeNamed", "consentToPublish", "consentedAt", "createdAt", "editedAt", "id", "organisationId", "proposedWording", "roundId", "status", "targetKind", "targetNodeId" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_roundId_articleNodeId_idx" ON "Comment"("roundId", "articleNodeId");
CREATE INDEX "Comment_roundId_createdAt_idx" ON "Comment"("roundId", "createdAt");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");
CREATE UNIQUE INDEX "Comment_authorId_clientKey_key" ON "Comment"("authorId", "clientKey");
CREATE TABLE "new_Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'nacrt',
    "state" TEXT NOT NULL DEFAULT 'planned',
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "shortPeriodReason" TEXT,
    "moderationMode" TEXT NOT NULL DEFAULT 'post',
    "summary" TEXT,
    "leadId" TEXT,
    "reportPublishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "targetGroups" TEXT,
    "methods" JSONB,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "whyItMatters" TEXT,
    "answersPublication" TEXT NOT NULL DEFAULT 'with-report',
    "reportThreshold" INTEGER NOT NULL DEFAULT 3,
    CONSTRAINT "Round_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Round_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Round" ("closesAt", "createdAt", "draftId", "id", "leadId", "moderationMode", "opensAt", "reportPublishedAt", "shortPeriodReason", "stage", "state", "summary", "title", "versionId") SELECT "closesAt", "createdAt", "draftId", "id", "leadId", "moderationMode", "opensAt", "reportPublishedAt", "shortPeriodReason", "stage", "state", "summary", "title", "versionId" FROM "Round";
DROP TABLE "Round";
ALTER TABLE "new_Round" RENAME TO "Round";
CREATE INDEX "Round_draftId_idx" ON "Round"("draftId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Hearing_roundId_idx" ON "Hearing"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTransition_scheduleKey_key" ON "RoundTransition"("scheduleKey");

-- CreateIndex
CREATE INDEX "RoundTransition_roundId_idx" ON "RoundTransition"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "InterestedParty_institutionId_email_key" ON "InterestedParty"("institutionId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "RoundInvitation_roundId_partyId_key" ON "RoundInvitation"("roundId", "partyId");

-- CreateIndex
CREATE INDEX "PlanItem_organisationId_idx" ON "PlanItem"("organisationId");

-- CreateIndex
CREATE INDEX "CommentRevision_commentId_idx" ON "CommentRevision"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_commentId_idx" ON "Attachment"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterKey_key" ON "CommentReport"("commentId", "reporterKey");

-- CreateIndex
CREATE INDEX "Job_state_createdAt_idx" ON "Job"("state", "createdAt");
