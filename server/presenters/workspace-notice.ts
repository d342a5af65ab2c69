import type { DataView } from '../data-source';

/**
 * What a signed-in user is told on every dashboard page: the figures include drafts and
 * unpublished years, which the public does not see.
 */
export function workspaceNotice(view: DataView): { drafts: number; unpublishedYears: number[] } {
  let drafts = 0;
  for (const states of view.drafts.values()) drafts += states.size;
  const unpublishedYears = view.engine.yearsWithData().filter((y) => !view.review.published.has(y));
  return { drafts, unpublishedYears };
}
