import { Router } from 'express';
import type { RouteContext } from '../route-context';
import { MAX_QUERY_LENGTH } from '../domain/search';
import { searchPage } from '../presenters/search-page';

/**
 * /recherche?q=…: actions, indicators, sections, committees and States, as the public sees them.
 * Answered at each request, never kept by the public cache: a visitor chooses any query, and the
 * index answers in well under a millisecond (npm run bench).
 */
export function searchRouter({ search }: RouteContext): Router {
  const router = Router();
  router.get('/recherche', (req, res) => {
    const raw = req.query.q;
    const first = Array.isArray(raw) ? raw[0] : raw;
    const query = typeof first === 'string' ? first.trim().slice(0, MAX_QUERY_LENGTH) : '';
    res.set('Cache-Control', 'no-cache');
    res.render('search', searchPage(query, query === '' ? null : search.search(query), req.locale));
  });
  return router;
}
