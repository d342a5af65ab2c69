import type { Request } from 'express';
import type { DataView } from '../data-source';
import { latestReleaseView, type ReleaseView } from '../presenters/release-view';
import { BASELINE_YEAR, PLAN_YEARS } from '../domain/engine/types';
import { yearParam } from './params';
import { t } from '../i18n/translate';

export interface PageYear {
  year: number;
  baselineYear: number;
  /** The year selector's options; years without data say so. */
  options: { year: number; selected: boolean; label: string; hasData: boolean }[];
  hasData: boolean;
  /** The latest release of the year shown and of the baseline year (null: not published). */
  release: ReleaseView | null;
  baselineRelease: ReleaseView | null;
  /** Signed in: the page shows the data as it stands, which may differ from what is published. */
  live: boolean;
}

/** The year a page shows: `?year=`, or the view's default year (docs/method.md#the-default-year). */
export function pageYear(
  req: Request,
  { engine, releases, audience, defaultYear }: Pick<DataView, 'engine' | 'releases' | 'audience' | 'defaultYear'>,
): PageYear {
  const year = yearParam(req.query.year, defaultYear, req.locale);
  const withData = new Set(engine.yearsWithData());
  return {
    year,
    baselineYear: BASELINE_YEAR,
    hasData: withData.has(year),
    release: latestReleaseView(releases, year, req.locale),
    baselineRelease: year === BASELINE_YEAR ? null : latestReleaseView(releases, BASELINE_YEAR, req.locale),
    live: audience === 'workspace',
    options: PLAN_YEARS.map((y) => ({
      year: y,
      selected: y === year,
      label: `${y}${y === BASELINE_YEAR ? t(req.locale, 'yearSelector.baseline') : ''}${withData.has(y) ? '' : t(req.locale, 'yearSelector.optionNoData')}`,
      hasData: withData.has(y),
    })),
  };
}
