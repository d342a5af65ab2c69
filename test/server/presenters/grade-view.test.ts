import { differsNoticeably } from '../../../server/domain/engine/like-for-like';
import { countGrades, likeForLikeView } from '../../../server/presenters/grade-view';

const like = (delta: number, entered: string[] = [], left: string[] = []) => ({
  denominator: 30,
  numerator2025: 12,
  numerator: 15,
  delta,
  entered,
  left,
});

describe('« noticeably » different changes (docs/method.md#like-for-like): 1 point or more apart', () => {
  test('exactly 1 point apart is noticeable, 0.99 is not, in either direction', () => {
    expect(differsNoticeably(11, like(10))).toBe(true);
    expect(differsNoticeably(9, like(10))).toBe(true);
    expect(differsNoticeably(10.99, like(10))).toBe(false);
    // 100 × 1 / 3 − 100 × 1 / 3 computed two ways: noise, not a gap.
    expect(differsNoticeably(100 / 3, like((100 * 1) / 3))).toBe(false);
    expect(differsNoticeably(null, like(10))).toBe(false);
    expect(differsNoticeably(10, null)).toBe(false);
  });

  test('the page says the like-for-like change, and the gap only when noticeable, with the States entered and left', () => {
    expect(likeForLikeView({ year: 2026, delta: 10.5, likeForLike: like(10) })).toEqual({
      text: 'À population constante (30 États dans la population en 2025 et en 2026) : 12 comptés en 2025, 15 en 2026, soit +10\u00a0points.',
      gap: null,
    });
    expect(likeForLikeView({ year: 2026, delta: 13.2, likeForLike: like(10, ['COL', 'HRV'], ['DEU']) })!.gap).toBe(
      'dont +10\u00a0points à population constante ; 2 États entrés dans la population ; 1 État sorti de la population',
    );
    expect(likeForLikeView({ year: 2026, delta: 13.2, likeForLike: null })).toBeNull();
  });
});

describe('grade counts', () => {
  test('every grade counted, those without indicator not shown', () => {
    const counts = countGrades(['on-track', 'on-track', 'no-target', 'moving-away']);
    expect(counts.total).toBe(4);
    expect(counts.grades.filter((g) => g.shown).map((g) => [g.grade, g.count])).toEqual([
      ['on-track', 2],
      ['moving-away', 1],
      ['no-target', 1],
    ]);
    expect(counts.grades.find((g) => g.grade === 'target-reached')).toMatchObject({ count: 0, shown: false, label: 'cible atteinte' });
  });
});
