import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * A small trend line drawn on the server as SVG, so the overview's 106 trends need no script; its
 * label gives the same numbers in words.
 */
export interface Sparkline {
  width: number;
  height: number;
  /** `points` attribute of the polyline segments (a gap where a year has no value). */
  segments: string[];
  dots: { x: number; y: number; current: boolean }[];
  label: string;
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 4;

export function sparkline(
  points: { year: number; value: number | null }[],
  fixedMax: number | null,
  format: (value: number) => string,
  currentYear: number,
  locale: Locale = DEFAULT_LOCALE,
): Sparkline {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = fixedMax ?? Math.max(1, ...values);
  const stepX = (WIDTH - 2 * PAD) / Math.max(1, points.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * Math.min(v, max)) / max;
  const segments: string[] = [];
  let current: string[] = [];
  const dots: Sparkline['dots'] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    const px = Math.round((PAD + i * stepX) * 10) / 10;
    const py = Math.round(y(p.value) * 10) / 10;
    current.push(`${px},${py}`);
    dots.push({ x: px, y: py, current: p.year === currentYear });
  });
  if (current.length > 1) segments.push(current.join(' '));
  const label = points
    .map((p) =>
      t(locale, 'sparkline.point', { year: p.year, value: p.value === null ? t(locale, 'labels.status.noData') : format(p.value) }),
    )
    .join(t(locale, 'common.listSeparator'));
  return { width: WIDTH, height: HEIGHT, segments, dots, label: t(locale, 'sparkline.label', { points: label }) };
}
