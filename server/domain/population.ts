/**
 * The populations of docs/method.md#populations. `yes` is parametric: yes(X) is the States that
 * answered yes to X.
 */
export const POPULATION_KEYS = [
  'party',
  'non_party',
  'affected',
  'victims',
  'article4',
  'article4_late',
  'article3',
  'donor',
  'extension_request',
  'workplan_update',
  'obligations',
  'yes',
] as const;

export type PopulationKey = (typeof POPULATION_KEYS)[number];

export interface PopulationRef {
  key: PopulationKey;
  /** For `yes`: the indicator whose yes-answers form the population. */
  of: string | null;
}

const YES_PATTERN = /^yes\(([0-9]+(?:\.[0-9]+)?)\)$/;

/** Reads « affected » or « yes(15.1) »; null when the text names no population. */
export function parsePopulationRef(text: string): PopulationRef | null {
  const trimmed = text.trim();
  const yes = YES_PATTERN.exec(trimmed);
  if (yes) return { key: 'yes', of: yes[1] ?? null };
  if (trimmed === 'yes') return null;
  return (POPULATION_KEYS as readonly string[]).includes(trimmed) ? { key: trimmed as PopulationKey, of: null } : null;
}

export function formatPopulationRef(ref: { key: string; of: string | null }): string {
  return ref.key === 'yes' ? `yes(${ref.of})` : ref.key;
}
