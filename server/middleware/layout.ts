import type { NextFunction, Request, Response } from 'express';
import type { RouteContext } from '../app';
import { audienceOf } from '../data-source';
import { workspaceNotice } from '../presenters/workspace-notice';

/** What the layout needs on every page: the navigation, the demonstration notice and, signed in, the drafts notice. */
export function layoutLocals({ data, staticSite }: RouteContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const view = data(audienceOf(req));
    res.locals.nav = {
      sections: view.catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
      mechanisms: view.catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
    };
    res.locals.demo = view.demo;
    if (staticSite) res.locals.staticSite = true;
    if (req.viewer) res.locals.workspaceNotice = workspaceNotice(view);
    next();
  };
}
