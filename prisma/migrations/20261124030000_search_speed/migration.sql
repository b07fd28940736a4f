-- Site-wide search within its time budget (docs/decisions/0022-site-search.md). Hand-written
-- like 20261124020000_search_fts: SearchEntry is listed under tables.external.

-- Comments and answers: where the comment stands in its round's public list (the section
-- it is listed under, and its creation time in milliseconds), so that the page a hit links
-- to is counted in this table's own index instead of over the Comment table.
ALTER TABLE "SearchEntry" ADD COLUMN "section" TEXT;
ALTER TABLE "SearchEntry" ADD COLUMN "listedAt" INTEGER;

UPDATE "SearchEntry" SET
  "section" = (
    SELECT CASE WHEN c."articleNodeId" IS NOT NULL THEN 'article:' || c."articleNodeId"
                WHEN c."targetKind" = 'memorandum' THEN 'memorandum'
                WHEN c."targetKind" = 'draft' THEN 'general' END
    FROM "Comment" c WHERE c."id" = "SearchEntry"."ref"),
  "listedAt" = (
    SELECT CAST(ROUND((julianday(c."createdAt") - 2440587.5) * 86400000) AS INTEGER)
    FROM "Comment" c WHERE c."id" = "SearchEntry"."ref")
WHERE "kind" IN ('comment', 'answer');

-- The public list of a round's section, oldest first: counted to find a hit's page.
CREATE INDEX "SearchEntry_public_list_idx" ON "SearchEntry"("roundId", "section", "listedAt", "ref")
  WHERE "kind" = 'comment' AND "visibility" = 'public';

-- An article of a version by its stable id: a page of collapsed hits, comments' labels.
CREATE INDEX "SearchEntry_article_idx" ON "SearchEntry"("draftId", "articleNodeId", "versionSeq")
  WHERE "kind" = 'article';

-- The articles' analysed text in a full-text table of its own: ranking a common word's
-- articles (bm25) reads their rows only, and weighs words against articles, not against
-- fifty thousand comments. SearchText keeps comments and answers, led by their kind token.
CREATE VIRTUAL TABLE "SearchArticleText" USING fts5("text", tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO "SearchArticleText" ("rowid", "text")
  SELECT t."rowid", CASE WHEN t."text" LIKE 'qqkindarticle %' THEN substr(t."text", 15) ELSE t."text" END
  FROM "SearchText" t WHERE t."rowid" IN (SELECT "id" FROM "SearchEntry" WHERE "kind" = 'article');
DELETE FROM "SearchText" WHERE "rowid" IN (SELECT "id" FROM "SearchEntry" WHERE "kind" = 'article');

-- Comments and answers: after the kind token, terms for the draft, round, author category
-- and answer status ('qqd' and lower(hex(draftId)), as store.ts filterToken writes them), so
-- that a filtered search is one full-text match instead of a lookup of every row it drops.
UPDATE "SearchText" SET "text" = (
  SELECT (CASE e."kind" WHEN 'comment' THEN 'qqkindcomment' ELSE 'qqkindanswer' END)
    || ' qqd' || lower(hex(e."draftId"))
    || CASE WHEN e."roundId" IS NULL THEN '' ELSE ' qqr' || lower(hex(e."roundId")) END
    || CASE WHEN e."authorCategory" IS NULL THEN '' ELSE ' qqc' || lower(hex(e."authorCategory")) END
    || CASE WHEN e."answerStatus" IS NULL THEN '' ELSE ' qqs' || lower(hex(e."answerStatus")) END
    || substr("SearchText"."text", instr("SearchText"."text", ' '))
  FROM "SearchEntry" e WHERE e."id" = "SearchText"."rowid")
WHERE "rowid" IN (SELECT "id" FROM "SearchEntry" WHERE "kind" IN ('comment', 'answer'));
