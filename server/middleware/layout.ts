import type { NextFunction, Request, Response } from 'express';
import { readCatalogue } from '../../db/queries/catalogue';
import { isDemoDataLoaded } from '../../db/queries/meta';
import type { AppContext } from '../app';

/** What the layout needs on every page: the navigation to sections and committees, the demonstration notice. */
export function layoutLocals({ db }: AppContext) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const catalogue = readCatalogue(db);
    res.locals.nav = {
      sections: catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
      mechanisms: catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
    };
    res.locals.demo = isDemoDataLoaded(db);
    next();
  };
}
