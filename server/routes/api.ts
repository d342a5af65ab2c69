import { Router } from 'express';
import { readCatalogue } from '../../db/queries/catalogue';
import type { AppContext } from '../app';

export function apiRouter({ db }: AppContext): Router {
  const router = Router();
  router.get('/catalogue', (_req, res) => {
    const { sections, actions, mechanisms } = readCatalogue(db);
    res.json({
      sections: sections.map(({ number, title, actions }) => ({ number, title, actions })),
      actions,
      mechanisms,
    });
  });
  return router;
}
