import type { NextFunction, Request, Response } from 'express';
import type { RouteContext } from '../route-context';
import { audienceOf, type DataView } from '../data-source';
import { workspaceNotice } from '../presenters/workspace-notice';
import { localizedView, showsUnofficialTranslation, type LocalizedView } from '../presenters/localized-view';

interface LayoutLocals {
  nav: { sections: { number: string; title: string }[]; mechanisms: { id: string; name: string }[] };
  demo: boolean;
  /** The Action Plan's texts are the project's own translation: every page says so (docs/i18n.md). */
  unofficialTranslation: boolean;
  workspaceNotice: ReturnType<typeof workspaceNotice> | undefined;
}

/** Made once per data view and language (they depend on nothing else), not on every request. */
const perView = new WeakMap<DataView, LayoutLocals>();

function layoutOf(view: LocalizedView): LayoutLocals {
  let locals = perView.get(view);
  if (locals === undefined) {
    locals = {
      nav: {
        sections: view.catalogue.sections.filter((s) => s.actions.length > 0).map((s) => ({ number: s.number, title: s.title })),
        mechanisms: view.catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name })),
      },
      demo: view.demo,
      unofficialTranslation: showsUnofficialTranslation(view),
      workspaceNotice: view.audience === 'workspace' ? workspaceNotice(view) : undefined,
    };
    perView.set(view, locals);
  }
  return locals;
}

/** What the layout needs on every page: the navigation, the demonstration notice and, signed in, the drafts notice. */
export function layoutLocals({ data, staticSite }: RouteContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const layout = layoutOf(localizedView(data(audienceOf(req)), req.locale));
    res.locals.nav = layout.nav;
    res.locals.demo = layout.demo;
    if (layout.unofficialTranslation) res.locals.unofficialTranslation = true;
    if (staticSite) res.locals.staticSite = true;
    if (layout.workspaceNotice) res.locals.workspaceNotice = layout.workspaceNotice;
    next();
  };
}
