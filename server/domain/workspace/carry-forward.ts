import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import type { Catalogue } from '../catalogue';
import { withAudit, type Actor } from '../../../db/queries/audit';
import { insertMemberships, readMemberships, type MembershipRow } from '../../../db/queries/memberships';
import { readRegistry } from '../stored-data';
import { BASELINE_YEAR } from '../engine/types';
import { isPartyInYear } from '../registry';

/**
 * Carrying a year's entered populations forward from the year before, in one reviewed step: the
 * plan says exactly what would be copied; the admin confirms it with its fingerprint.
 */

/**
 * Populations that describe what a State did during the year (a request, an updated plan): copying
 * them is rarely right, so the preview leaves them unticked (docs/method.md#entered-populations).
 */
export const YEAR_SPECIFIC_POPULATIONS: ReadonlySet<string> = new Set(['extension_request', 'workplan_update']);

export interface CarriedPopulation {
  key: string;
  name: string;
  /** Members the year before that are party this year: what would be copied. */
  copy: string[];
  /** Members the year before that are not party this year: a population holds only States Parties. */
  notParty: string[];
  /** Members already entered this year: the population is left as it is, nothing copied. */
  alreadyEntered: number;
  /** Ticked in the preview unless the population describes the year itself. */
  suggested: boolean;
}

export interface CarryForwardPlan {
  year: number;
  from: number;
  populations: CarriedPopulation[];
  fingerprint: string;
}

export function carryForwardPlan(
  catalogue: Pick<Catalogue, 'populations'>,
  year: number,
  input: { previous: MembershipRow[]; current: MembershipRow[]; parties: ReadonlySet<string> },
): CarryForwardPlan {
  const members = (rows: MembershipRow[], key: string) =>
    rows
      .filter((r) => r.population === key)
      .map((r) => r.state)
      .sort();
  const populations = catalogue.populations
    .filter((p) => p.derivation === 'entered')
    .map((p) => {
      const before = members(input.previous, p.key);
      const now = members(input.current, p.key);
      return {
        key: p.key,
        name: p.name,
        copy: now.length > 0 ? [] : before.filter((s) => input.parties.has(s)),
        notParty: now.length > 0 ? [] : before.filter((s) => !input.parties.has(s)),
        alreadyEntered: now.length,
        suggested: !YEAR_SPECIFIC_POPULATIONS.has(p.key),
      };
    });
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([year, populations.map((p) => [p.key, p.copy, p.alreadyEntered])]))
    .digest('base64url');
  return { year, from: year - 1, populations, fingerprint };
}

/** The plan as the database holds it now. */
export function readCarryForwardPlan(db: Db, catalogue: Pick<Catalogue, 'populations'>, year: number): CarryForwardPlan {
  const parties = new Set(
    readRegistry(db)
      .filter((s) => isPartyInYear(s, year))
      .map((s) => s.iso3),
  );
  return carryForwardPlan(catalogue, year, { previous: readMemberships(db, year - 1), current: readMemberships(db, year), parties });
}

export const canCarryForward = (year: number): boolean => year > BASELINE_YEAR;

/** Why nothing was copied, worded by presenters/carry-forward-view.ts (carryForwardProblemMessage). */
export type CarryForwardProblem =
  | { code: 'baseline'; year: number }
  | { code: 'noneChosen' }
  | { code: 'stale'; from: number; year: number }
  /** Keys the plan does not know, and populations (keys) with nothing to copy. */
  | { code: 'nothingToCopy'; unknown: string[]; empty: string[]; from: number };

export type CarryForwardResult =
  | { ok: true; copied: number; populations: string[]; keys: string[] }
  | { ok: false; kind: 'invalid' | 'stale'; problem: CarryForwardProblem };

/**
 * Copies the chosen populations of the plan, all or nothing, in one audited transaction. Refused
 * when the plan changed since the preview (its fingerprint), when nothing is chosen, or when a
 * population chosen has nothing to copy.
 */
export function carryForward(
  db: Db,
  actor: Actor,
  catalogue: Pick<Catalogue, 'populations'>,
  year: number,
  request: { keys: string[]; fingerprint: string | null },
): CarryForwardResult {
  if (!canCarryForward(year)) return { ok: false, kind: 'invalid', problem: { code: 'baseline', year } };
  if (request.keys.length === 0) return { ok: false, kind: 'invalid', problem: { code: 'noneChosen' } };
  return withAudit(
    db,
    actor,
    (tx): CarryForwardResult => {
      const plan = readCarryForwardPlan(tx, catalogue, year);
      if (!request.fingerprint || plan.fingerprint !== request.fingerprint) {
        return { ok: false, kind: 'stale', problem: { code: 'stale', from: plan.from, year } };
      }
      const chosen = plan.populations.filter((p) => request.keys.includes(p.key));
      const unknown = request.keys.filter((k) => !plan.populations.some((p) => p.key === k));
      const empty = chosen.filter((p) => p.copy.length === 0);
      if (unknown.length > 0 || empty.length > 0) {
        return {
          ok: false,
          kind: 'invalid',
          problem: { code: 'nothingToCopy', unknown, empty: empty.map((p) => p.key), from: plan.from },
        };
      }
      const rows = chosen.flatMap((p) => p.copy.map((state) => ({ state, population: p.key })));
      return {
        ok: true,
        copied: insertMemberships(tx, year, rows),
        populations: chosen.map((p) => p.name),
        keys: chosen.map((p) => p.key),
      };
    },
    { reason: `Reprise des populations de ${year - 1}` },
  );
}
