import type { NextFunction, Request, Response } from 'express';
import type { RouteContext } from '../app';

/** What the layout needs on every page: the navigation to sections and committees, the demonstration notice. */
export function layoutLocals({ data }: RouteContext) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const { catalogue, demo } = data();
    res.locals.nav = {
      sections: catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
      mechanisms: catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
    };
    res.locals.demo = demo;
    next();
  };
}
