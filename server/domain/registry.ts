import type { states } from '../../db/schema';

/**
 * A State of the registry (docs/method.md#the-registry-of-states), as the schema types it; dates are
 * ISO `YYYY-MM-DD` strings. `editedAt` is the seed's marker, not data.
 */
export type RegistryState = Omit<typeof states.$inferSelect, 'editedAt'>;

/** Reports for year Y are due on 30 April Y; party status is judged on that day. */
export function reportDueDate(year: number): string {
  return `${year}-04-30`;
}

/** A report for year Y received on or before 30 April Y is on time (indicator 8.1). */
export function isReportOnTime(report: { year: number; receivedOn: string }): boolean {
  return report.receivedOn <= reportDueDate(report.year);
}

/** Where a State's report for a year stands: received by the due date, received after it, or not received. */
export type ReportTimeliness = 'on-time' | 'late' | 'missing';

export function reportTimeliness(report: { year: number; receivedOn: string } | null | undefined): ReportTimeliness {
  return !report ? 'missing' : isReportOnTime(report) ? 'on-time' : 'late';
}

/**
 * A State is party in year Y when it is marked party, the Convention entered into force for it on or
 * before 30 April Y, and its withdrawal (if any) had not taken effect by then.
 */
export function isPartyInYear(state: Pick<RegistryState, 'party' | 'partyFrom' | 'partyUntil'>, year: number): boolean {
  const due = reportDueDate(year);
  return state.party && (state.partyFrom === null || state.partyFrom <= due) && (state.partyUntil === null || state.partyUntil > due);
}
