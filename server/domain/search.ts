/**
 * What a visitor types, turned into an FTS5 MATCH expression that can hold no FTS syntax: every word
 * is cut into its letters and digits only (as the index's unicode61 tokenizer cuts the text), and
 * becomes a quoted phrase whose last token is a prefix — « démin » finds « déminage », « 30.4 »
 * finds the tokens 30 then 4. Words are all required. Quotes, stars, parentheses, NEAR, AND, OR,
 * column filters and the like are never passed on: they cannot make the query fail.
 */

// The index's rows and the marks its snippets carry are defined with its SQL; the domain passes them on.
export { MARK_END, MARK_START, type SearchDocument, type SearchHit } from '../../db/queries/search';

/** Past this, what is typed is cut: a search box is no place for an essay. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 8;

/** The query's words, each as its tokens (letters and digits), empty words dropped. */
export function queryWords(query: string): string[][] {
  return query
    .normalize('NFC')
    .slice(0, MAX_QUERY_LENGTH)
    .split(/\s+/u)
    .map((word) => word.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0)
    .slice(0, MAX_WORDS);
}

/** The MATCH expression for a query, or null when it holds no word to look for. */
export function matchExpression(query: string): string | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words.map((tokens) => `"${tokens.join(' ')}"*`).join(' AND ');
}
