import type { DataView } from '../data-source';
import { differsNoticeably } from '../domain/engine/like-for-like';
import { BASELINE_YEAR, GRADES, TARGET_YEAR, type Grade, type IndicatorResult } from '../domain/engine/types';
import { formatNumber, formatSigned } from './format';
import { GRADE_LABELS } from './labels';

/**
 * Graded progress and like-for-like as pages show them (docs/method.md#graded-progress,
 * docs/method.md#like-for-like): a word and an icon for the grade, never colour alone, and counts of
 * grades for a group of indicators (partials grade.hbs and grade-counts.hbs).
 */

/** The icons' strokes (views/partials/grade.hbs draws them in a 16 × 16 box): a shape per grade. */
const GRADE_ICONS: Record<Grade, string> = {
  // A tick.
  'target-reached': 'M2.5 8.5l3.5 3.5 7.5-8',
  // An arrow rising.
  'on-track': 'M3 13L13 3M6.5 3H13v6.5',
  // Two chevrons: faster.
  'acceleration-needed': 'M2.5 3.5L7 8l-4.5 4.5M8.5 3.5L13 8l-4.5 4.5',
  // An arrow level.
  'limited-progress': 'M2 8h11.5M9.5 4l4 4-4 4',
  // An arrow falling.
  'moving-away': 'M3 3l10 10M13 6.5V13H6.5',
  // Two values that cannot be set side by side.
  'not-comparable': 'M3 5.5h10M3 10.5h10',
  // A circle struck through: no target.
  'no-target': 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11M4.1 11.9l7.8-7.8',
};

export interface GradeView {
  grade: Grade;
  /** « en bonne voie »… */
  label: string;
  /** The icon's path (SVG `d`). */
  icon: string;
}

export function gradeView(grade: Grade): GradeView {
  return { grade, label: GRADE_LABELS[grade], icon: GRADE_ICONS[grade] };
}

export interface GradeCounts {
  /** Indicators counted. */
  total: number;
  targetYear: number;
  /** Every grade, in GRADES' order, with its count; `shown`: counts of zero are left out of the sentence. */
  grades: (GradeView & { count: number; shown: boolean })[];
}

/** How many indicators have each grade, for a section, a committee or the whole plan. */
export function countGrades(grades: readonly Grade[]): GradeCounts {
  const counts = new Map<Grade, number>(GRADES.map((g) => [g, 0]));
  for (const grade of grades) counts.set(grade, counts.get(grade)! + 1);
  return {
    total: grades.length,
    targetYear: TARGET_YEAR,
    grades: GRADES.map((g) => ({ ...gradeView(g), count: counts.get(g)!, shown: counts.get(g)! > 0 })),
  };
}

/** Every indicator of the plan in `year`, counted by grade: what headline tiles show. */
export function overallGradeCounts(view: DataView, year: number): GradeCounts {
  return countGrades([...view.engine.year(year).indicators.values()].map((r) => r.progress));
}

export interface LikeForLikeView {
  /** « À population constante (30 États dans la population en 2025 et en 2026) : 12 comptés en 2025, 15 en 2026, soit +10 points. » */
  text: string;
  /** When the two changes differ noticeably: « dont +3,2 points à population constante ; 2 États entrés dans la population ». */
  gap: string | null;
}

const states = (n: number) => `${formatNumber(n)} ${n === 1 ? 'État' : 'États'}`;

/** A share's like-for-like change beside its change since 2025, or null where there is none. */
export function likeForLikeView(r: Pick<IndicatorResult, 'year' | 'delta' | 'likeForLike'>): LikeForLikeView | null {
  const like = r.likeForLike;
  if (like === null) return null;
  const gap = differsNoticeably(r.delta, like)
    ? [
        `dont ${formatSigned(like.delta, 'points')} à population constante`,
        like.entered.length ? `${states(like.entered.length)} ${like.entered.length === 1 ? 'entré' : 'entrés'} dans la population` : null,
        like.left.length ? `${states(like.left.length)} ${like.left.length === 1 ? 'sorti' : 'sortis'} de la population` : null,
      ]
        .filter((part) => part !== null)
        .join(' ; ')
    : null;
  return {
    text:
      `À population constante (${states(like.denominator)} dans la population en ${BASELINE_YEAR} et en ${r.year}) : ` +
      `${formatNumber(like.numerator2025)} ${like.numerator2025 === 1 ? 'compté' : 'comptés'} en ${BASELINE_YEAR}, ` +
      `${formatNumber(like.numerator)} en ${r.year}, soit ${formatSigned(like.delta, 'points')}.`,
    gap,
  };
}
