import type { Db } from '../db/client';
import { readRelease } from '../db/queries/releases';
import type { DataSource, DataView } from './data-source';
import { lastPublishedAt, latestOfEachYear, publishedIndicatorRows } from './domain/releases/open-data';
import { localizeCatalogue, type TranslationMark } from './domain/catalogue-i18n';
import { LOCALES, type Locale } from './i18n/locale';
import { openDataArchive } from './presenters/open-data-archive';
import { openDataFiles } from './presenters/open-data-files';
import { citationText } from './presenters/open-data-page';
import { indicatorsWorkbook } from './presenters/open-data-workbook';

/** The two files made of all the others: built once per release, not once per request. */
export interface Bundles {
  xlsx: Buffer;
  zip: Buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';

async function buildBundles(db: Db, view: DataView): Promise<Bundles> {
  const { catalogue, releases } = view;
  // Read before the first await, so that every file comes from the same release.
  const files = openDataFiles(view, (year, revision) => readRelease(db, year, revision));
  const xlsx = await indicatorsWorkbook(catalogue, releases, publishedIndicatorRows(catalogue, releases, view.engine));
  const zip = await openDataArchive([...files, { path: 'indicateurs.xlsx', url: '/donnees/indicateurs.xlsx', content: xlsx }], {
    citation: citationText(releases),
    publishedAt: lastPublishedAt(latestOfEachYear(releases)),
    demo: view.demo,
    translations: Object.fromEntries(LOCALES.map((l) => [l, localizeCatalogue(catalogue, l).translation])) as Record<
      Locale,
      TranslationMark
    >,
  });
  return { xlsx, zip };
}

/**
 * indicateurs.xlsx and tout.zip for the public's current release, built on first demand and kept
 * until the public's data version moves (a new release); requests meanwhile share the same build.
 * A failed build is forgotten, so that the next request tries again.
 */
export class ReleaseBundles {
  private current: { version: string; bundles: Promise<Bundles> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly data: DataSource,
  ) {}

  get(): Promise<Bundles> {
    const view = this.data('public');
    if (this.current?.version !== view.version) {
      const current = { version: view.version, bundles: buildBundles(this.db, view) };
      current.bundles.catch(() => {
        if (this.current === current) this.current = null;
      });
      this.current = current;
    }
    return this.current.bundles;
  }
}
