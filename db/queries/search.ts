import Database from 'better-sqlite3';

/**
 * The full-text index of what a visitor can look for (actions, indicators, sections, committees,
 * States): an FTS5 table in a database of its own, in memory, rebuilt from the catalogue and the
 * registry — never written to the dashboard's database, so a search never waits for a write. The
 * tokenizer drops accents and case (« Déminage » is found by « deminage »); bm25 ranks, a hit in
 * the title or the code weighing more than one in the text.
 */

/** One thing to find. */
export interface SearchDocument {
  kind: string;
  title: string;
  /** The code a visitor may type: « 30.4 », « 12 », « III », « AGO ». */
  code: string;
  body: string;
  url: string;
}

export interface SearchHit extends SearchDocument {
  /** The passage that matched, each matched word between MARK_START and MARK_END. */
  snippet: string;
}

/** Around each matched word of a hit's passage: control characters, which no searched text holds. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface SearchIndex {
  /** Runs an FTS5 MATCH expression (build it with domain/search.ts#matchExpression, never from raw input). */
  search(match: string, exactCode: string, limit: number): SearchHit[];
  close(): void;
}

// Weights of title, code, body for bm25; the unindexed columns take none.
const RANK = 'bm25(documents, 10.0, 20.0, 1.0)';

export function openSearchIndex(documents: SearchDocument[]): SearchIndex {
  const sqlite = new Database(':memory:');
  sqlite.exec(
    `CREATE VIRTUAL TABLE documents USING fts5(
       title, code, body, kind UNINDEXED, url UNINDEXED,
       tokenize = 'unicode61 remove_diacritics 2'
     )`,
  );
  const insert = sqlite.prepare('INSERT INTO documents (title, code, body, kind, url) VALUES (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const d of documents) insert.run(d.title, d.code, d.body, d.kind, d.url);
  })();
  const query = sqlite.prepare<[string, string, string, number], SearchHit>(
    `SELECT kind, title, code, body, url,
            snippet(documents, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet
       FROM documents
      WHERE documents MATCH ?
      ORDER BY lower(code) = lower(?) DESC, lower(title) = lower(?) DESC, ${RANK}
      LIMIT ?`,
  );
  return {
    search: (match, exactCode, limit) => query.all(match, exactCode, exactCode, limit),
    close: () => sqlite.close(),
  };
}
