import { BASELINE_YEAR } from '../domain/engine/types';
import type { DataView } from '../data-source';
import type { CatalogueAction } from '../domain/catalogue';
import { countGrades, type GradeCounts } from './grade-view';
import { firstWords } from './format';
import { indicatorRowView, type IndicatorRowView } from './indicator-view';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';

export interface StatusCounts {
  improved: number;
  unchanged: number;
  worsened: number;
  /** No value, no baseline, or a neutral indicator that moved. */
  other: number;
}

export interface ActionView {
  number: number;
  section: string;
  text: string;
  lead: { id: string; name: string } | null;
  contributing: { id: string; name: string }[];
  indicators: IndicatorRowView[];
}

export function countStatuses(rows: { status: string }[]): StatusCounts {
  const counts: StatusCounts = { improved: 0, unchanged: 0, worsened: 0, other: 0 };
  for (const row of rows) {
    if (row.status === 'improved' || row.status === 'unchanged' || row.status === 'worsened') counts[row.status]++;
    else counts.other++;
  }
  return counts;
}

/** An action's text and committees, without its indicators. */
export function actionHeader(view: DataView, action: CatalogueAction): Omit<ActionView, 'indicators'> {
  const mechanism = (id: string) => ({ id, name: view.catalogue.mechanisms.find((m) => m.id === id)?.name ?? id });
  return {
    number: action.number,
    section: action.section,
    text: action.text,
    lead: action.lead ? mechanism(action.lead) : null,
    contributing: action.contributing.map(mechanism),
  };
}

export function actionView(view: DataView, action: CatalogueAction, year: number, locale: Locale = DEFAULT_LOCALE): ActionView {
  return {
    ...actionHeader(view, action),
    indicators: action.indicators.map((i) => indicatorRowView(i, view.engine.indicatorYears(i.code), year, BASELINE_YEAR, locale)),
  };
}

/** How long an action's beginning is on the overview: two lines on a wide screen. */
const ACTION_SUMMARY_CHARS = 160;

/** An action as the overview lists it: its number, its first words and its indicators counted by status. */
export interface ActionLine {
  number: number;
  summary: string;
  indicatorCount: number;
  counts: StatusCounts;
}

export function actionLine(action: ActionView): ActionLine {
  return {
    number: action.number,
    summary: firstWords(action.text, ACTION_SUMMARY_CHARS),
    indicatorCount: action.indicators.length,
    counts: countStatuses(action.indicators),
  };
}

export interface SectionView {
  number: string;
  title: string;
  introduction: string[];
  actions: ActionView[];
  counts: StatusCounts;
  /** The section's indicators by graded progress. */
  grades: GradeCounts;
}

/** Sections with their actions and indicator rows; with `onlyActions`, the actions kept (committee filter). */
export function sectionViews(
  view: DataView,
  year: number,
  onlyActions: Set<number> | null = null,
  locale: Locale = DEFAULT_LOCALE,
): SectionView[] {
  return view.catalogue.sections
    .map((s) => {
      const actions = view.catalogue.actions
        .filter((a) => a.section === s.number && (onlyActions === null || onlyActions.has(a.number)))
        .map((a) => actionView(view, a, year, locale));
      return {
        number: s.number,
        title: s.title,
        introduction: s.introduction,
        actions,
        counts: countStatuses(actions.flatMap((a) => a.indicators)),
        grades: countGrades(
          actions.flatMap((a) => a.indicators.map((i) => i.grade.grade)),
          locale,
        ),
      };
    })
    .filter((s) => s.actions.length > 0);
}

/** The overview's sections: each action as a line (number, first words, counts), its full text on its own page. */
export function overviewSections(view: DataView, year: number, onlyActions: Set<number> | null = null, locale: Locale = DEFAULT_LOCALE) {
  return sectionViews(view, year, onlyActions, locale).map(({ actions, ...section }) => ({ ...section, actions: actions.map(actionLine) }));
}
