import { Router, type Request, type Response } from 'express';
import { todayInGeneva } from '../../domain/geneva';
import { t } from '../../i18n/translate';
import type { RouteContext } from '../../route-context';
import type { DataView } from '../../data-source';
import { canWrite } from '../../domain/permissions';
import { fieldIds, valuesFromStored, type EntrySection, type EntryValues, type FieldError } from '../../domain/workspace/report-entry';
import { stateName } from '../../domain/state-names';
import {
  loadReportEntry,
  pendingSections,
  recentReportAudit,
  saveReportEntry,
  submittedVersion,
  validateReportEntry,
  type ReportEntry,
} from '../../domain/workspace/report-store';
import { HttpError } from '../../http-error';
import { enteredPopulations, notOfferedIndicators } from '../../domain/workspace/not-offered';
import { notOfferedView } from '../../presenters/not-offered-view';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash, takeFlash } from '../../middleware/flash';
import { formatDateTime } from '../../presenters/format';
import {
  STATUS_FILTERS,
  forbiddenMessage,
  reportEntryView,
  sectionSavedMessage,
  sectionTitle,
  unsavedSectionsMessage,
  validationMovedMessage,
  yearReportsView,
} from '../../presenters/report-entry-view';
import { busyMessage, busyTitle, savedMessage } from '../../presenters/form-messages';
import { readReportListQuery } from '../../presenters/report-list-query';
import { yearParam } from '../params';
import type { AuditEntry } from '../../domain/journal';
import { retryWhileBusy } from '../../../db/client';
import { formBody } from '../../form-body';
import { actorName } from '../../presenters/audit-actor';

/** Data entry and review of the (year, State) reports: /espace/saisie/… */
export function entryRoutes({ db, data, privatePages, config }: RouteContext): Router {
  const router = Router();
  const mayWrite = requireRole(canWrite, 'workspace.denied.report');

  router.get('/saisie/:year', privatePages.keep, (req, res) => {
    const year = yearParam(req.params.year, 0, req.locale);
    const query = readReportListQuery(req.query, req.locale);
    const filter = query.statut;
    if (filter !== null && !STATUS_FILTERS.has(filter)) {
      throw new HttpError(
        400,
        t(req.locale, 'lists.invalidFilterTitle'),
        t(req.locale, 'reportList.invalidStatus', { status: filter.slice(0, 40) }),
      );
    }
    res.render('workspace/year-reports', {
      title: t(req.locale, 'workspace.yearReports.crumb', { year }),
      ...yearReportsView(data('workspace'), year, { viewer: req.viewer!, today: todayInGeneva(new Date()), query, locale: req.locale }),
    });
  });

  /** The form's context for a (year, State) of the address; 404 for an unknown State. */
  function load(req: Request): { view: DataView; entry: ReportEntry } {
    const year = yearParam(req.params.year, 0, req.locale);
    const view = data('workspace');
    const typed = String(req.params.iso3);
    const state = view.engine.state(typed.toUpperCase());
    if (!state) {
      throw new HttpError(
        404,
        t(req.locale, 'registry.unknownStateTitle'),
        t(req.locale, 'reportList.entry.unknownState', { code: typed }),
      );
    }
    return { view, entry: loadReportEntry(db, view.catalogue, view.engine.year(year).populations, year, state) };
  }

  function render(
    req: Request,
    res: Response,
    status: number,
    view: DataView,
    entry: ReportEntry,
    options: {
      values?: EntryValues;
      errors?: FieldError[];
      errorTitle?: string;
      flash?: string | null;
      conflict?: { entry: AuditEntry | null };
    } = {},
  ) {
    res.status(status).render('workspace/report-entry', {
      title: t(req.locale, 'workspace.entry.title', { state: stateName(entry.state, req.locale).name, year: entry.year }),
      errorTitle: options.errorTitle,
      notOffered: notOfferedView(
        view.catalogue,
        notOfferedIndicators(
          view.catalogue,
          view.engine.year(entry.year).populations,
          enteredPopulations(view.engine, entry.year),
          entry.scope,
        ),
        { stateName: stateName(entry.state, req.locale).name, year: entry.year, locale: req.locale },
      ),
      ...reportEntryView({
        catalogue: view.catalogue,
        viewer: req.viewer!,
        entry,
        values: options.values ?? valuesFromStored(entry.stored, entry.scope),
        errors: options.errors,
        recent: recentReportAudit(db, entry.year, entry.state.iso3),
        flash: options.flash,
        conflict: options.conflict,
        locale: req.locale,
      }),
    });
  }

  router.get('/saisie/:year/:iso3', privatePages.keep, (req, res) => {
    const { view, entry } = load(req);
    render(req, res, 200, view, entry, { flash: takeFlash(req) });
  });

  router.post('/saisie/:year/:iso3', mayWrite, async (req, res) => {
    const { view, entry } = load(req);
    const outcome = await retryWhileBusy(
      () => saveReportEntry(db, { viewer: req.viewer!, catalogue: view.catalogue, entry, body: formBody(req), locale: req.locale }),
      (o) => o.kind === 'busy',
      config.databaseBusyTimeoutMs,
    );
    switch (outcome.kind) {
      case 'saved':
      case 'unchanged': {
        const count = outcome.kind === 'saved' ? outcome.count : 0;
        const path = `/espace/saisie/${entry.year}/${entry.state.iso3}`;
        if (outcome.section === null) {
          redirectWithFlash(req, res, path, savedMessage(count, req.locale));
          return;
        }
        // What the other sections of the page hold unsaved is shown back, not lost by the redirect.
        const { view: fresh, entry: current } = load(req);
        const pending = pendingSections(current, formBody(req), outcome.section);
        const titleOf = (section: EntrySection) => sectionTitle(section, current.year, fresh.catalogue, req.locale);
        const message = sectionSavedMessage(titleOf(outcome.section), count, req.locale);
        if (pending.sections.length > 0) {
          render(req, res, 200, fresh, current, {
            values: pending.values,
            flash: `${message} ${unsavedSectionsMessage(pending.sections.map(titleOf), req.locale)}`,
          });
          return;
        }
        redirectWithFlash(req, res, path, message, `#${fieldIds.section(outcome.section.key)}`);
        return;
      }
      case 'forbidden':
        throw new HttpError(403, t(req.locale, 'reportList.entry.changeRefused'), forbiddenMessage(outcome.problem, req.locale));
      case 'invalid':
        render(req, res, 400, view, entry, { values: outcome.values, errors: outcome.errors });
        return;
      case 'busy':
        res.set('Retry-After', '5');
        render(req, res, 503, view, entry, {
          values: outcome.values,
          errorTitle: busyTitle(req.locale),
          errors: [{ field: '', message: busyMessage(req.locale) }],
        });
        return;
      case 'conflict': {
        // Shown against what is stored now, with the new version: saving again is a deliberate choice.
        const { view: fresh, entry: current } = load(req);
        render(req, res, 409, fresh, current, { values: outcome.values, conflict: { entry: outcome.entry } });
        return;
      }
    }
  });

  router.post('/saisie/:year/:iso3/validation', mayWrite, (req, res) => {
    const { view, entry } = load(req);
    const outcome = validateReportEntry(db, {
      viewer: req.viewer!,
      catalogue: view.catalogue,
      year: entry.year,
      state: entry.state,
      version: submittedVersion(formBody(req)),
    });
    const refused = t(req.locale, 'reportList.entry.validationRefused');
    switch (outcome.kind) {
      case 'validated':
        redirectWithFlash(req, res, `/espace/saisie/${entry.year}/${entry.state.iso3}`, t(req.locale, 'workspace.entry.validated'));
        return;
      case 'forbidden':
        throw new HttpError(403, refused, t(req.locale, 'reportList.entry.validateNotConcerned'));
      case 'empty':
        render(req, res, 400, view, entry, {
          errorTitle: refused,
          errors: [
            {
              field: '',
              message: t(req.locale, 'reportList.entry.nothingToValidate', {
                state: stateName(entry.state, req.locale).name,
                year: entry.year,
              }),
            },
          ],
        });
        return;
      case 'already': {
        const { view: fresh, entry: current } = load(req);
        render(req, res, 409, fresh, current, {
          errorTitle: refused,
          errors: [
            {
              field: '',
              message: t(req.locale, 'reportList.entry.alreadyValidated', {
                by: actorName(outcome.by, req.locale),
                at: formatDateTime(outcome.at, req.locale),
              }),
            },
          ],
        });
        return;
      }
      case 'moved': {
        const { view: fresh, entry: current } = load(req);
        render(req, res, 409, fresh, current, {
          errorTitle: refused,
          errors: [{ field: '', message: validationMovedMessage(outcome.entry, req.locale) }],
        });
        return;
      }
    }
  });

  return router;
}
