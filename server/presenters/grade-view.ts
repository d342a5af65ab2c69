import type { DataView } from '../data-source';
import { differsNoticeably } from '../domain/engine/like-for-like';
import { BASELINE_YEAR, GRADES, TARGET_YEAR, type Grade, type IndicatorResult } from '../domain/engine/types';
import { formatNumber, formatSigned } from './format';
import { GRADE_KEYS } from './labels';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

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

export function gradeView(grade: Grade, locale: Locale = DEFAULT_LOCALE): GradeView {
  return { grade, label: t(locale, GRADE_KEYS[grade]), icon: GRADE_ICONS[grade] };
}

export interface GradeCounts {
  /** Indicators counted. */
  total: number;
  targetYear: number;
  /** Every grade, in GRADES' order, with its count; `shown`: counts of zero are left out of the sentence. */
  grades: (GradeView & { count: number; shown: boolean })[];
}

/** How many indicators have each grade, for a section, a committee or the whole plan. */
export function countGrades(grades: readonly Grade[], locale: Locale = DEFAULT_LOCALE): GradeCounts {
  const counts = new Map<Grade, number>(GRADES.map((g) => [g, 0]));
  for (const grade of grades) counts.set(grade, counts.get(grade)! + 1);
  return {
    total: grades.length,
    targetYear: TARGET_YEAR,
    grades: GRADES.map((g) => ({ ...gradeView(g, locale), count: counts.get(g)!, shown: counts.get(g)! > 0 })),
  };
}

/** Every indicator of the plan in `year`, counted by grade: what headline tiles show. */
export function overallGradeCounts(view: DataView, year: number, locale: Locale = DEFAULT_LOCALE): GradeCounts {
  return countGrades(
    [...view.engine.year(year).indicators.values()].map((r) => r.progress),
    locale,
  );
}

export interface LikeForLikeView {
  /** « À population constante (30 États dans la population en 2025 et en 2026) : 12 comptés en 2025, 15 en 2026, soit +10 points. » */
  text: string;
  /** When the two changes differ noticeably: « dont +3,2 points à population constante ; 2 États entrés dans la population ». */
  gap: string | null;
}

/** « 12 États », in `locale`, for the like-for-like sentences. */
const states = (n: number, locale: Locale) => t(locale, 'likeForLike.states', { count: n, n: formatNumber(n, locale) });

/** A share's like-for-like change beside its change since 2025, or null where there is none. */
export function likeForLikeView(
  r: Pick<IndicatorResult, 'year' | 'delta' | 'likeForLike'>,
  locale: Locale = DEFAULT_LOCALE,
): LikeForLikeView | null {
  const like = r.likeForLike;
  if (like === null) return null;
  const points = t(locale, 'value.points');
  const gap = differsNoticeably(r.delta, like)
    ? [
        t(locale, 'likeForLike.gap', { delta: formatSigned(like.delta, points, locale) }),
        like.entered.length
          ? t(locale, 'likeForLike.entered', { count: like.entered.length, states: states(like.entered.length, locale) })
          : null,
        like.left.length ? t(locale, 'likeForLike.left', { count: like.left.length, states: states(like.left.length, locale) }) : null,
      ]
        .filter((part) => part !== null)
        .join(t(locale, 'common.listSeparator'))
    : null;
  return {
    text: t(locale, 'likeForLike.text', {
      states: states(like.denominator, locale),
      baseline: BASELINE_YEAR,
      year: r.year,
      counted2025: t(locale, 'likeForLike.counted', { count: like.numerator2025, n: formatNumber(like.numerator2025, locale) }),
      counted: formatNumber(like.numerator, locale),
      delta: formatSigned(like.delta, points, locale),
    }),
    gap,
  };
}
