import { localizeCatalogue } from '../../domain/catalogue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { Router, type Request } from 'express';
import type { RouteContext } from '../../route-context';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import {
  checkStateSubmission,
  readStateEntry,
  readStatesForRegistry,
  readStateSubmission,
  saveStateEntry,
} from '../../domain/workspace/registry-entry';
import { HttpError } from '../../http-error';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash, takeFlash } from '../../middleware/flash';
import { readRegistryQuery, registryList, registrySavedMessage, registryStateForm } from '../../presenters/registry-form';
import { formBody } from '../../form-body';
import { t } from '../../i18n/translate';
import { stateName } from '../../domain/state-names';

/** The registry of States: everyone signed in reads it; admins edit party status and dates. */
export function registryRoutes({ db, data }: RouteContext): Router {
  const router = Router();

  // The populations' names in `locale` for the page; the journal keeps the French ones (the save's `names`).
  const populationNames = (locale: Locale = DEFAULT_LOCALE) => {
    const names = new Map(localizeCatalogue(data('workspace').catalogue, locale).populations.map((p) => [p.key, p.name]));
    return (key: string) => names.get(key) ?? key;
  };

  const entryOf = (req: Request) => {
    const typed = String(req.params.iso3 ?? '');
    const iso3 = typed.toUpperCase();
    const entry = /^[A-Z]{3}$/.test(iso3) ? readStateEntry(db, iso3) : null;
    if (!entry) {
      throw new HttpError(404, t(req.locale, 'registry.unknownStateTitle'), t(req.locale, 'registry.unknownState', { code: typed }));
    }
    return entry;
  };

  router.get('/registre', (req, res) => {
    res.render('workspace/registry', registryList(readStatesForRegistry(db), readRegistryQuery(req.query, req.locale), req.locale));
  });

  router.get('/registre/:iso3', (req, res) => {
    const entry = entryOf(req);
    res.render(
      'workspace/registry-state',
      registryStateForm(entry, populationNames(req.locale), { canEdit: isAdmin(req.viewer), flash: takeFlash(req) }, req.locale),
    );
  });

  router.post('/registre/:iso3', requireRole(isAdmin, 'workspace.denied.registry'), (req, res) => {
    const entry = entryOf(req);
    const names = populationNames(req.locale);
    const submission = readStateSubmission(formBody(req));
    const check = checkStateSubmission(entry, submission, req.locale);
    if (!check.ok) {
      res
        .status(400)
        .render(
          'workspace/registry-state',
          registryStateForm(entry, names, { canEdit: true, submission, errors: check.errors }, req.locale),
        );
      return;
    }
    const iso3 = entry.state.iso3;
    const result = saveStateEntry(
      db,
      viewerActor(req.viewer!),
      iso3,
      submission.version,
      check.values,
      submission.reason,
      names,
      undefined,
      req.locale,
    );
    if (result.kind === 'saved') {
      redirectWithFlash(
        req,
        res,
        `/espace/registre/${iso3}`,
        registrySavedMessage(stateName(entry.state, req.locale).name, result.changed, req.locale),
      );
      return;
    }
    const now = readStateEntry(db, iso3)!;
    if (result.kind === 'conflict') {
      res
        .status(409)
        .render(
          'workspace/registry-state',
          registryStateForm(now, names, { canEdit: true, submission, conflict: result.entry }, req.locale),
        );
      return;
    }
    res
      .status(400)
      .render('workspace/registry-state', registryStateForm(now, names, { canEdit: true, submission, errors: result.errors }, req.locale));
  });

  return router;
}
