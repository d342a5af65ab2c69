import { Router } from 'express';
import type { RouteContext } from '../app';

export function pagesRouter({ data }: RouteContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const { catalogue } = data();
    const mechanismName = new Map(catalogue.mechanisms.map((m) => [m.id, m.name]));
    const sections = catalogue.sections
      .filter((s) => s.actions.length > 0)
      .map((s) => ({
        ...s,
        firstAction: s.actions[0],
        lastAction: s.actions[s.actions.length - 1],
        actions: catalogue.actions
          .filter((a) => a.section === s.number)
          .map((a) => ({
            ...a,
            leadName: a.lead ? mechanismName.get(a.lead) : null,
            contributingNames: a.contributing.filter((id) => id !== 'coordination').map((id) => mechanismName.get(id)),
          })),
      }));
    const indicatorCount = catalogue.actions.reduce((n, a) => n + a.indicators.length, 0);
    res.render('home', {
      title: 'Plan d’action de Siem Reap-Angkor 2025-2029',
      sections,
      mechanisms: catalogue.mechanisms,
      actionCount: catalogue.actions.length,
      indicatorCount,
    });
  });
  return router;
}
