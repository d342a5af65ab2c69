import { Router, type Request } from 'express';
import type { RouteContext } from '../../route-context';
import type { Db } from '../../../db/client';
import {
  AUDIT_ENTITIES,
  journalMentionsState,
  readJournal,
  readJournalPage,
  userEmailsOf,
  type AuditEntity,
  type JournalFilter,
  type JournalOrder,
} from '../../domain/journal';
import type { DataView } from '../../data-source';
import { HttpError } from '../../http-error';
import {
  JOURNAL_ORDERS,
  journalCsv,
  journalEntryView,
  journalFileName,
  journalForm,
  journalQuery,
  journalTitle,
  type JournalFormValues,
} from '../../presenters/audit-view';
import { queryText as readQueryText } from '../../presenters/list-query';
import { yearParam } from '../params';
import { t } from '../../i18n/translate';

const PAGE_SIZE = 100;

type FieldErrors = Partial<Record<keyof JournalFormValues, string>>;

/** A query parameter as one string (the lists' shared reader, presenters/list-query.ts). */
const queryText = (req: Request, name: string): string => readQueryText(req.query, name);

/** The journal's filters from the query string, with a French message for each value that is not valid. */
function readFilter(
  req: Request,
  db: Db,
  view: DataView,
): { filter: JournalFilter; order: JournalOrder; values: JournalFormValues; errors: FieldErrors } {
  const values: JournalFormValues = {
    annee: queryText(req, 'annee'),
    etat: queryText(req, 'etat'),
    indicateur: queryText(req, 'indicateur'),
    entite: queryText(req, 'entite'),
    ordre: queryText(req, 'ordre'),
  };
  const filter: JournalFilter = {};
  const errors: FieldErrors = {};
  if (values.annee) {
    try {
      filter.year = yearParam(values.annee, 0, req.locale);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      errors.annee = error.message;
    }
  }
  if (values.etat) {
    const iso3 = values.etat.toUpperCase();
    if (/^[A-Z]{3}$/.test(iso3) && (view.engine.state(iso3) !== undefined || journalMentionsState(db, iso3))) filter.state = iso3;
    else errors.etat = t(req.locale, 'workspace.journal.errors.state', { value: values.etat });
  }
  if (values.indicateur) {
    if (view.catalogue.indicatorByCode.has(values.indicateur)) filter.indicator = values.indicateur;
    else errors.indicateur = t(req.locale, 'workspace.journal.errors.indicator', { value: values.indicateur });
  }
  if (values.entite) {
    if ((AUDIT_ENTITIES as readonly string[]).includes(values.entite)) filter.entity = values.entite as AuditEntity;
    else errors.entite = t(req.locale, 'workspace.journal.errors.kind', { value: values.entite });
  }
  const order = JOURNAL_ORDERS[values.ordre || 'recent'];
  if (!order) errors.ordre = t(req.locale, 'workspace.journal.errors.order', { value: values.ordre });
  return { filter, order: order ?? 'newest', values, errors };
}

/** The `page` query parameter: 1 when absent. */
function pageParam(req: Request): number {
  const raw = queryText(req, 'page');
  if (raw === '') return 1;
  if (!/^[1-9][0-9]{0,6}$/.test(raw)) {
    throw new HttpError(
      400,
      t(req.locale, 'workspace.journal.errors.pageTitle'),
      t(req.locale, 'workspace.journal.errors.page', { value: raw }),
    );
  }
  return Number(raw);
}

const FIELD_IDS: Record<keyof JournalFormValues, string> = {
  annee: 'journal-annee',
  etat: 'journal-etat',
  indicateur: 'journal-indicateur',
  entite: 'journal-entite',
  ordre: 'journal-ordre',
};

export function journalRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/journal', privatePages.keep, (req, res) => {
    const view = data('workspace');
    const { filter, order, values, errors } = readFilter(req, db, view);
    const form = journalForm(view, values, errors, req.locale);
    const fieldErrors = Object.entries(errors).map(([name, message]) => ({ field: FIELD_IDS[name as keyof JournalFormValues], message }));
    if (fieldErrors.length) {
      res.status(400).render('workspace/journal', {
        title: t(req.locale, 'workspace.journal.badFilterTitle'),
        heading: t(req.locale, 'workspace.journal.title'),
        form,
        filtered: true,
        errors: fieldErrors,
        errorTitle: t(req.locale, 'workspace.journal.badFilters', { count: fieldErrors.length }),
      });
      return;
    }

    const page = pageParam(req);
    const { entries, total } = readJournalPage(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, order);
    // The order travels with every link of the page (the default, newest first, is left out).
    const ordered: Record<string, string> = order === 'oldest' ? { ordre: 'ancien' } : {};
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pageCount) {
      throw new HttpError(
        404,
        t(req.locale, 'workspace.journal.errors.noPageTitle'),
        t(req.locale, 'workspace.journal.errors.noPage', { count: pageCount, page }),
      );
    }
    const userEmails = userEmailsOf(db, entries);
    const title = journalTitle(filter, view, req.locale);
    res.render('workspace/journal', {
      title,
      heading: title,
      form,
      filtered: Object.keys(filter).length > 0,
      total,
      countText:
        total === 0
          ? Object.keys(filter).length
            ? t(req.locale, 'workspace.journal.noneFiltered')
            : t(req.locale, 'workspace.journal.none')
          : t(req.locale, 'workspace.journal.count', { count: total }),
      first: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
      last: (page - 1) * PAGE_SIZE + entries.length,
      page,
      pageCount,
      entries: entries.map((e) => journalEntryView(e, view, userEmails, req.locale)),
      oldestFirst: order === 'oldest',
      newerHref:
        page > 1 ? `/espace/journal${journalQuery(filter, { ...ordered, ...(page > 2 ? { page: String(page - 1) } : {}) })}` : null,
      olderHref: page < pageCount ? `/espace/journal${journalQuery(filter, { ...ordered, page: String(page + 1) })}` : null,
      csvHref: `/espace/journal.csv${journalQuery(filter, ordered)}`,
    });
  });

  router.get('/journal.csv', (req, res) => {
    const view = data('workspace');
    const { filter, order, errors } = readFilter(req, db, view);
    const messages = Object.values(errors);
    if (messages.length) throw new HttpError(400, t(req.locale, 'workspace.journal.errors.filterTitle'), messages.join(' '));
    res
      .type('text/csv; charset=utf-8')
      .attachment(journalFileName(filter))
      .send(journalCsv(readJournal(db, filter, order), view, req.locale));
  });

  return router;
}
