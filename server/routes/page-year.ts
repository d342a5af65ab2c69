import type { Request } from 'express';
import type { EngineSnapshot } from '../domain/engine/engine';
import { BASELINE_YEAR, PLAN_YEARS } from '../domain/engine/types';
import { yearParam } from './params';

export interface PageYear {
  year: number;
  baselineYear: number;
  /** The year selector's options; years without data say so. */
  options: { year: number; selected: boolean; label: string }[];
  hasData: boolean;
}

/** The year a page shows: `?year=`, or the latest year with data. */
export function pageYear(req: Request, engine: EngineSnapshot): PageYear {
  const year = yearParam(req.query.year, engine.latestYear());
  const withData = new Set(engine.yearsWithData());
  return {
    year,
    baselineYear: BASELINE_YEAR,
    hasData: withData.has(year),
    options: PLAN_YEARS.map((y) => ({
      year: y,
      selected: y === year,
      label: `${y}${y === BASELINE_YEAR ? ' (référence)' : ''}${withData.has(y) ? '' : ' — pas de données'}`,
    })),
  };
}
