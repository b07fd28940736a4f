-- CreateTable
CREATE TABLE "CommentsRevision" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "revision" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "Comment_roundId_status_parentId_withdrawnAt_articleNodeId_createdAt_id_targetKind_idx" ON "Comment"("roundId", "status", "parentId", "withdrawnAt", "articleNodeId", "createdAt", "id", "targetKind");

-- Counting changes for the public round page's caches (consultation/public-round.ts). The
-- bodies name only "CommentsRevision", so rebuilding any other table keeps working; rebuilding
-- a table these triggers are on drops them, and such a migration must create them again.
-- A comment's own columns that the public reads count for its round.
CREATE TRIGGER "Comment_revision_insert" AFTER INSERT ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES (NEW."roundId", 1)
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Comment_revision_update" AFTER UPDATE OF
  "roundId", "status", "withdrawnAt", "parentId", "articleNodeId", "targetKind", "targetNodeId", "body", "redactedBody",
  "proposedWording", "createdAt", "editedAt", "channel", "consentToBeNamed", "authorName", "authorId", "organisationId"
ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES (NEW."roundId", 1)
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES (OLD."roundId", 1)
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Comment_revision_delete" AFTER DELETE ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES (OLD."roundId", 1)
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
-- Answers, attachments and the names shown are rarer: they count for every round ("").
CREATE TRIGGER "Response_revision_insert" AFTER INSERT ON "Response" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Response_revision_update" AFTER UPDATE ON "Response" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Response_revision_delete" AFTER DELETE ON "Response" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Attachment_revision_insert" AFTER INSERT ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Attachment_revision_update" AFTER UPDATE ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Attachment_revision_delete" AFTER DELETE ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Organisation_revision_name" AFTER UPDATE OF "name" ON "Organisation" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "User_revision_name" AFTER UPDATE OF "name" ON "User" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision") VALUES ('', 1) ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
