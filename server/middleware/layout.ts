import type { NextFunction, Request, Response } from 'express';
import type { RouteContext } from '../route-context';
import { audienceOf, type DataView } from '../data-source';
import { workspaceNotice } from '../presenters/workspace-notice';

interface LayoutLocals {
  nav: { sections: { number: string; title: string }[]; mechanisms: { id: string; name: string }[] };
  demo: boolean;
  workspaceNotice: ReturnType<typeof workspaceNotice> | undefined;
}

/** Made once per data view (they depend on nothing else), not on every request. */
const perView = new WeakMap<DataView, LayoutLocals>();

function layoutOf(view: DataView): LayoutLocals {
  let locals = perView.get(view);
  if (locals === undefined) {
    locals = {
      nav: {
        sections: view.catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
        mechanisms: view.catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
      },
      demo: view.demo,
      workspaceNotice: view.audience === 'workspace' ? workspaceNotice(view) : undefined,
    };
    perView.set(view, locals);
  }
  return locals;
}

/** What the layout needs on every page: the navigation, the demonstration notice and, signed in, the drafts notice. */
export function layoutLocals({ data, staticSite }: RouteContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const layout = layoutOf(data(audienceOf(req)));
    res.locals.nav = layout.nav;
    res.locals.demo = layout.demo;
    if (staticSite) res.locals.staticSite = true;
    if (layout.workspaceNotice) res.locals.workspaceNotice = layout.workspaceNotice;
    next();
  };
}
