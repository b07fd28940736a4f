-- Counting changes per section of a round's public page (consultation/public-round.ts
-- `sectionRevisions`): besides the round's own count, every change the public may read of a
-- comment counts for the section it is shown in, under the key "<roundId>#<section>", where
-- the section is the comment's article id, "memorandum" or "general"; a reply counts for the
-- section of the comment it answers (its preview shows the replies). Answers, attachments
-- and names stay counted under "" (for every round). The page then reads again and renders
-- again only the sections whose count moved. As in 20261124041000, the bodies name only
-- "Comment" and "CommentsRevision": a migration that rebuilds "Comment" must create them again.
CREATE TRIGGER "Comment_section_revision_insert" AFTER INSERT ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (SELECT NEW."roundId" || '#' || CASE WHEN NEW."parentId" IS NULL
      THEN COALESCE(NEW."articleNodeId", CASE WHEN NEW."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      ELSE (SELECT COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
            FROM "Comment" AS "p" WHERE "p"."id" = NEW."parentId")
    END AS "k") WHERE "k" IS NOT NULL
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Comment_section_revision_update" AFTER UPDATE OF
  "roundId", "status", "withdrawnAt", "parentId", "articleNodeId", "targetKind", "targetNodeId", "body", "redactedBody",
  "proposedWording", "createdAt", "editedAt", "channel", "consentToBeNamed", "authorName", "authorId", "organisationId"
ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (SELECT NEW."roundId" || '#' || CASE WHEN NEW."parentId" IS NULL
      THEN COALESCE(NEW."articleNodeId", CASE WHEN NEW."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      ELSE (SELECT COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
            FROM "Comment" AS "p" WHERE "p"."id" = NEW."parentId")
    END AS "k") WHERE "k" IS NOT NULL
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
  -- Where it was shown before: its own former section (the row now holds the new values), or
  -- that of the comment it answered.
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (SELECT OLD."roundId" || '#' || CASE WHEN OLD."parentId" IS NULL
      THEN COALESCE(OLD."articleNodeId", CASE WHEN OLD."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      ELSE (SELECT COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
            FROM "Comment" AS "p" WHERE "p"."id" = OLD."parentId")
    END AS "k") WHERE "k" IS NOT NULL
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Comment_section_revision_delete" AFTER DELETE ON "Comment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (SELECT OLD."roundId" || '#' || CASE WHEN OLD."parentId" IS NULL
      THEN COALESCE(OLD."articleNodeId", CASE WHEN OLD."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      ELSE (SELECT COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
            FROM "Comment" AS "p" WHERE "p"."id" = OLD."parentId")
    END AS "k") WHERE "k" IS NOT NULL
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
-- A comment's files are shown with it: they count for its round and its section (they were
-- counted for every round, which made every upload read all sections of every round again).
DROP TRIGGER "Attachment_revision_insert";
DROP TRIGGER "Attachment_revision_update";
DROP TRIGGER "Attachment_revision_delete";
CREATE TRIGGER "Attachment_section_revision_insert" AFTER INSERT ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (
      SELECT "c"."roundId" AS "k" FROM "Comment" AS "c" WHERE "c"."id" = NEW."commentId"
      UNION ALL
      SELECT "c"."roundId" || '#' || COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      FROM "Comment" AS "c" JOIN "Comment" AS "p" ON "p"."id" = COALESCE("c"."parentId", "c"."id") WHERE "c"."id" = NEW."commentId"
    ) WHERE TRUE
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Attachment_section_revision_update" AFTER UPDATE ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (
      SELECT "c"."roundId" AS "k" FROM "Comment" AS "c" WHERE "c"."id" IN (OLD."commentId", NEW."commentId")
      UNION ALL
      SELECT "c"."roundId" || '#' || COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      FROM "Comment" AS "c" JOIN "Comment" AS "p" ON "p"."id" = COALESCE("c"."parentId", "c"."id") WHERE "c"."id" IN (OLD."commentId", NEW."commentId")
    ) WHERE TRUE
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
CREATE TRIGGER "Attachment_section_revision_delete" AFTER DELETE ON "Attachment" BEGIN
  INSERT INTO "CommentsRevision" ("roundId", "revision")
    SELECT "k", 1 FROM (
      SELECT "c"."roundId" AS "k" FROM "Comment" AS "c" WHERE "c"."id" = OLD."commentId"
      UNION ALL
      SELECT "c"."roundId" || '#' || COALESCE("p"."articleNodeId", CASE WHEN "p"."targetKind" = 'memorandum' THEN 'memorandum' ELSE 'general' END)
      FROM "Comment" AS "c" JOIN "Comment" AS "p" ON "p"."id" = COALESCE("c"."parentId", "c"."id") WHERE "c"."id" = OLD."commentId"
    ) WHERE TRUE
    ON CONFLICT ("roundId") DO UPDATE SET "revision" = "revision" + 1;
END;
