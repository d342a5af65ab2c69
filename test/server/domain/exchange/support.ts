import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../../db/client';
import { answers, figures, populationMemberships, releases, reports, states } from '../../../../db/schema';
import type { ImportFile } from '../../../../server/domain/exchange/import';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'exchange');

export const VALID_FILES = ['states.csv', 'populations.csv', 'reports.csv', 'answers.csv', 'figures.csv'];

/** The valid fixture files, named as a user would type them (no folder). */
export function validFixtures(names: string[] = VALID_FILES): ImportFile[] {
  return names.map((name) => ({ name, content: fs.readFileSync(path.join(FIXTURES, 'valid', name)) }));
}

/** A CSV file built from lines; `eol` lets a test choose CRLF. */
export function csvFile(name: string, lines: string[], eol = '\n'): ImportFile {
  return { name, content: lines.join(eol) + eol };
}

/** Every row of the tables an import may write, in a stable order, to compare before and after. */
export function dumpTables(db: Db) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    states: sorted(db.select().from(states).all()),
    populationMemberships: sorted(db.select().from(populationMemberships).all()),
    reports: sorted(db.select().from(reports).all()),
    answers: sorted(db.select().from(answers).all()),
    figures: sorted(db.select().from(figures).all()),
    releases: sorted(db.select().from(releases).all()),
  };
}
