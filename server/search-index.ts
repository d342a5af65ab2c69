import { openSearchIndex, type SearchIndex } from '../db/queries/search';
import type { DataSource } from './data-source';
import { MAX_QUERY_LENGTH, matchExpression, type SearchHit } from './domain/search';
import { MAX_RESULTS, searchDocuments } from './presenters/search-page';

/**
 * The search index of the public's catalogue and registry: filled at start, and again when a
 * release (or, before the first, the registry) changes what the public sees.
 */
export class PublicSearch {
  private current: { version: string; index: SearchIndex } | null = null;

  constructor(private readonly data: DataSource) {}

  /** Fills the index now rather than on the first search. */
  warm(): void {
    this.index();
  }

  /** The best results for what was typed, or null when it holds no word to look for. */
  search(query: string): SearchHit[] | null {
    const match = matchExpression(query);
    if (match === null) return null;
    return this.index().search(match, query.trim().slice(0, MAX_QUERY_LENGTH), MAX_RESULTS);
  }

  private index(): SearchIndex {
    const view = this.data('public');
    if (this.current?.version !== view.version) {
      this.current?.index.close();
      this.current = { version: view.version, index: openSearchIndex(searchDocuments(view)) };
    }
    return this.current.index;
  }
}
