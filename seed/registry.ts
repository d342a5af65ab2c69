import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { RegistryState } from '../server/domain/registry';
import { SEED_DATA_DIR } from './catalogue';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'date impossible' });
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const rowSchema = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  name_fr: z.string().trim().min(1),
  name_en: z.string().trim().min(1),
  party: z.enum(['yes', 'no']),
  party_from: z.preprocess(blankToNull, isoDate.nullable()),
  party_until: z.preprocess(blankToNull, isoDate.nullable()),
});

/**
 * Reads the registry seed (seed/data/states.csv, in the states.csv exchange format,
 * docs/architecture.md#the-exchange-format).
 */
export function readSeedRegistry(file = path.join(SEED_DATA_DIR, 'states.csv')): RegistryState[] {
  const records: Record<string, string>[] = parse(fs.readFileSync(file, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  return records.map((record, index) => {
    const row = rowSchema.safeParse(record);
    if (!row.success) {
      const issue = row.error.issues[0];
      throw new Error(`${path.basename(file)}:${index + 2}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const r = row.data;
    return {
      iso3: r.iso3,
      nameFr: r.name_fr,
      nameEn: r.name_en,
      party: r.party === 'yes',
      partyFrom: r.party_from,
      partyUntil: r.party_until,
    };
  });
}
