-- CreateTable
CREATE TABLE "VersionSearchIndex" (
    "versionId" TEXT NOT NULL PRIMARY KEY,
    "index" JSONB NOT NULL,
    "pipeline" INTEGER NOT NULL,
    "builtAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VersionSearchIndex_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
