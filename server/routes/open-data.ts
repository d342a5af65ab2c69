import { Router, type NextFunction, type Request, type Response } from 'express';
import type { RouteContext } from '../route-context';
import { readRelease } from '../domain/releases/publish';
import { HttpError } from '../http-error';
import { DATA_KINDS, EXCHANGE_KINDS } from '../domain/data-kinds';
import {
  ANSWER_COLUMNS,
  INDICATOR_COLUMNS,
  answerRows,
  indicatorsJson,
  publishedAnswerRows,
  publishedExchangeFiles,
  publishedIndicatorRows,
  revisionIndicatorRows,
  rowsCsv,
} from '../domain/releases/open-data';
import { indicatorsJsonTexts, openDataPage } from '../presenters/open-data-page';
import { XLSX_TYPE, ZIP_TYPE, type Bundles } from '../release-bundles';
import { apiExamples, openApiDocument } from '../presenters/openapi';
import { apiDocPage } from '../presenters/api-doc-page';
import { t } from '../i18n/translate';
import { localizedView } from '../presenters/localized-view';

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Open data (/donnees/): what is published, and only that — the latest release of each year, or
 * one given revision — for visitors and signed-in users alike (never drafts, never the live tables).
 */
export function openDataRouter({ db, data, cache, bundles }: RouteContext): Router {
  const router = Router();
  const published = () => data('public');

  // The page gives the sizes of the workbook and the archive: they are built (once per release) first.
  router.get('/donnees/', (req, res, next) => {
    bundles.get().then(
      ({ xlsx, zip }) =>
        cache.page(req, res, next, 'open-data', () => {
          // The sections' titles in the page's language (the layout says when the translation is unofficial).
          const view = localizedView(published(), req.locale);
          const latest = published().latestReleases();
          return {
            ...openDataPage(
              view,
              {
                indicatorRows: publishedIndicatorRows(view.catalogue, view.releases, view.engine).length,
                answerRows: publishedAnswerRows(latest).length,
                exchange: publishedExchangeFiles(latest),
                bundles: { xlsx: xlsx.length, zip: zip.length },
              },
              req.locale,
            ),
          };
        }),
      next,
    );
  });

  router.get('/donnees/api', (req, res, next) =>
    cache.page(req, res, next, 'api-doc', () => ({
      ...apiDocPage(openApiDocument(apiExamples(published(), req.locale), req.locale), req.locale),
      title: t(req.locale, 'apiDoc.title'),
    })),
  );

  const bundleFile = (name: string, type: string, pick: (b: Bundles) => Buffer) =>
    router.get(`/donnees/${name}`, (req, res, next) => {
      bundles.get().then((built) => cache.file(req, res, next, { type, filename: name, compressed: true, build: () => pick(built) }), next);
    });
  bundleFile('indicateurs.xlsx', XLSX_TYPE, (b) => b.xlsx);
  bundleFile('tout.zip', ZIP_TYPE, (b) => b.zip);

  router.get('/donnees/indicateurs.csv', (req, res, next) =>
    cache.file(req, res, next, {
      type: CSV,
      filename: 'indicateurs.csv',
      build: () => {
        const { catalogue, releases, engine } = published();
        return rowsCsv(INDICATOR_COLUMNS, publishedIndicatorRows(catalogue, releases, engine), { bom: true });
      },
    }),
  );

  router.get('/donnees/indicateurs.json', (req, res, next) =>
    cache.file(req, res, next, {
      type: JSON_TYPE,
      filename: 'indicateurs.json',
      build: () => {
        const { catalogue, releases, demo, engine } = published();
        return indicatorsJson(releases, publishedIndicatorRows(catalogue, releases, engine), { ...indicatorsJsonTexts(releases), demo });
      },
    }),
  );

  router.get('/donnees/reponses.csv', (req, res, next) =>
    cache.file(req, res, next, {
      type: CSV,
      filename: 'reponses.csv',
      build: () => rowsCsv(ANSWER_COLUMNS, publishedAnswerRows(published().latestReleases()), { bom: true }),
    }),
  );

  for (const kind of EXCHANGE_KINDS) {
    const name = DATA_KINDS[kind].fileName;
    router.get(`/donnees/echange/${name}`, (req, res, next) =>
      cache.file(req, res, next, {
        type: CSV,
        filename: name,
        build: () => publishedExchangeFiles(published().latestReleases()).find((f) => f.kind === kind)!.content,
      }),
    );
  }

  /**
   * One revision's files: frozen, hence cached for good — except the demonstration data's, whose
   * revision numbers come back once `npm run demo:clear` has deleted them and real data is published.
   */
  const revisionFile = (
    req: Request,
    res: Response,
    next: NextFunction,
    file: string,
    build: (release: NonNullable<ReturnType<typeof readRelease>>) => string,
  ) => {
    const { year, revision } = req.params as { year: string; revision: string };
    cache.file(req, res, next, {
      type: CSV,
      filename: `${file}-${year}-revision-${revision}.csv`,
      immutable: !published().demo,
      build: () => {
        const release = /^\d{4}$/.test(year) && /^[1-9]\d{0,5}$/.test(revision) ? readRelease(db, Number(year), Number(revision)) : null;
        if (!release)
          throw new HttpError(404, t(req.locale, 'errors.fileNotFoundTitle'), t(req.locale, 'errors.noRevision', { year, revision }));
        return build(release);
      },
    });
  };

  router.get('/donnees/publications/:year/revision-:revision/indicateurs.csv', (req, res, next) =>
    revisionFile(req, res, next, 'indicateurs', (release) => {
      const { catalogue, releases } = published();
      const read = (y: number, r: number) => readRelease(db, y, r);
      return rowsCsv(INDICATOR_COLUMNS, revisionIndicatorRows(catalogue, releases, release, read), { bom: true });
    }),
  );

  router.get('/donnees/publications/:year/revision-:revision/reponses.csv', (req, res, next) =>
    revisionFile(req, res, next, 'reponses', (release) => rowsCsv(ANSWER_COLUMNS, answerRows(release), { bom: true })),
  );

  return router;
}
