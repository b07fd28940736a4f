-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "documentType" TEXT NOT NULL DEFAULT 'law',
    "language" TEXT NOT NULL DEFAULT 'bs',
    "script" TEXT NOT NULL DEFAULT 'latn',
    "stage" TEXT NOT NULL DEFAULT 'prednacrt',
    "jurisdiction" TEXT NOT NULL DEFAULT 'fbih',
    "numberingMode" TEXT NOT NULL DEFAULT 'continuous',
    "summary" TEXT,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Draft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Draft" ("createdAt", "documentType", "id", "jurisdiction", "language", "ownerId", "script", "slug", "stage", "summary", "title", "updatedAt") SELECT "createdAt", "documentType", "id", "jurisdiction", "language", "ownerId", "script", "slug", "stage", "summary", "title", "updatedAt" FROM "Draft";
DROP TABLE "Draft";
ALTER TABLE "new_Draft" RENAME TO "Draft";
CREATE UNIQUE INDEX "Draft_slug_key" ON "Draft"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
