import type { NextFunction, Request, Response } from 'express';
import { readCatalogue } from '../../db/queries/catalogue';
import type { AppContext } from '../app';

/** What the layout needs on every page: the navigation to sections and committees. */
export function layoutLocals({ db }: AppContext) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const catalogue = readCatalogue(db);
    res.locals.nav = {
      sections: catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
      mechanisms: catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
    };
    next();
  };
}
