import type { DataView } from '../data-source';
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
import type { Release } from '../domain/releases/release';
import { indicatorCsv } from './indicator-detail';
import { indicatorsJsonTexts, revisionPath } from './open-data-page';

/** One file of the open data: where it is in the archive, the URL that serves the same bytes, its content. */
export interface OpenDataFile {
  path: string;
  url: string;
  content: string;
}

/** How a given revision is read (db/queries/releases.ts): passed in, so that this module holds no SQL. */
export type ReadRelease = (year: number, revision: number) => Release | null;

/**
 * Every text file /donnees/ links to, built by the same functions as the routes that serve them
 * (server/routes/open-data.ts, server/routes/pages.ts), for the public: what `tout.zip` holds.
 */
export function openDataFiles(view: DataView, readRelease: ReadRelease): OpenDataFile[] {
  const { catalogue, releases, demo } = view;
  const latest = view.latestReleases();
  const indicatorRows = publishedIndicatorRows(catalogue, releases, view.engine);
  const files: OpenDataFile[] = [
    { path: 'indicateurs.csv', url: '/donnees/indicateurs.csv', content: rowsCsv(INDICATOR_COLUMNS, indicatorRows, { bom: true }) },
    {
      path: 'indicateurs.json',
      url: '/donnees/indicateurs.json',
      content: indicatorsJson(releases, indicatorRows, { ...indicatorsJsonTexts(releases), demo }),
    },
    { path: 'reponses.csv', url: '/donnees/reponses.csv', content: rowsCsv(ANSWER_COLUMNS, publishedAnswerRows(latest), { bom: true }) },
  ];
  const exchange = publishedExchangeFiles(latest);
  for (const kind of EXCHANGE_KINDS) {
    const name = DATA_KINDS[kind].fileName;
    files.push({ path: `echange/${name}`, url: `/donnees/echange/${name}`, content: exchange.find((f) => f.kind === kind)?.content ?? '' });
  }
  for (const indicator of catalogue.indicatorByCode.values()) {
    files.push({
      path: `par-indicateur/indicateur-${indicator.code}.csv`,
      url: `/indicators/${indicator.code}/donnees.csv`,
      content: indicatorCsv(indicator, view.engine.indicatorYears(indicator.code), releases),
    });
  }
  for (const [year, revisions] of [...releases.entries()].sort(([a], [b]) => a - b)) {
    for (const info of revisions) {
      const release = readRelease(year, info.revision);
      if (!release) continue;
      const folder = revisionPath(year, info.revision).slice('/donnees/'.length);
      files.push({
        path: `${folder}indicateurs.csv`,
        url: `${revisionPath(year, info.revision)}indicateurs.csv`,
        content: rowsCsv(INDICATOR_COLUMNS, revisionIndicatorRows(catalogue, releases, release, readRelease), { bom: true }),
      });
      files.push({
        path: `${folder}reponses.csv`,
        url: `${revisionPath(year, info.revision)}reponses.csv`,
        content: rowsCsv(ANSWER_COLUMNS, answerRows(release), { bom: true }),
      });
    }
  }
  return files;
}
