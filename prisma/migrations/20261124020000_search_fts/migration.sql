-- Site-wide search (consultation/search/store.ts, docs/decisions/0022-site-search.md).
-- Hand-written: Prisma does not model these tables; prisma.config.ts lists them under
-- tables.external. Only consultation/search/store.ts reads or writes them.

-- One row per searchable thing: an article of a version, a comment, an answer. What
-- filters and authorisation need is here, in ordinary indexed columns.
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    -- article, comment or answer
    "kind" TEXT NOT NULL,
    -- article: <versionId>:<articleNodeId>; comment and answer: the comment's id
    "ref" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "versionSeq" INTEGER NOT NULL,
    "roundId" TEXT,
    "articleNodeId" TEXT,
    -- public, or staff (pending, hidden, a draft answer): see store.ts
    "visibility" TEXT NOT NULL,
    "authorCategory" TEXT,
    "answerStatus" TEXT,
    -- Articles only (versions never change): the number, label and text as readers see them.
    "articleNumber" TEXT,
    "label" TEXT,
    "display" TEXT
);
CREATE UNIQUE INDEX "SearchEntry_kind_ref_key" ON "SearchEntry"("kind", "ref");
CREATE INDEX "SearchEntry_kind_draftId_idx" ON "SearchEntry"("kind", "draftId", "articleNumber");
CREATE INDEX "SearchEntry_articleNodeId_kind_idx" ON "SearchEntry"("articleNodeId", "kind");

-- The full-text index of the entries, rowid = SearchEntry.id. It holds the ANALYSED text
-- (consultation/search/text.ts: folded, stop words dropped, stemmed), never the raw text.
CREATE VIRTUAL TABLE "SearchText" USING fts5("text", tokenize = 'unicode61 remove_diacritics 2');
