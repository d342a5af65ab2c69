import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parsePopulationRef } from '../server/domain/population';
import { projectPath } from '../server/project-root';
import { DERIVED_FROM, DIRECTIONS, INDICATOR_KINDS, POPULATION_DERIVATIONS } from '../db/codes';

/** The catalogue as the seed data files hold it (seed/data/*.json). */

const romanSection = z.enum(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']);
const nonEmpty = z.string().trim().min(1);

const indicatorSchema = z.object({
  code: z.string().regex(/^[0-9]+(\.[0-9]+)?$/),
  text: nonEmpty,
  kind: z.enum(INDICATOR_KINDS),
  population: z
    .string()
    .nullable()
    .refine((p) => p === null || parsePopulationRef(p) !== null, { message: 'population inconnue' }),
  direction: z.enum(DIRECTIONS),
  provenance: z.string().nullable(),
  /** Read from the report itself (8.1: received by 30 April; 8.2: Reporting Guide used), not from answers. */
  derivedFrom: z.enum(DERIVED_FROM).nullable().default(null),
});

const catalogueSchema = z.object({
  sections: z.array(z.object({ number: romanSection, title: nonEmpty, introduction: z.array(nonEmpty) })),
  actions: z.array(
    z.object({
      number: z.number().int().min(1).max(48),
      section: romanSection,
      text: nonEmpty,
      indicators: z.array(indicatorSchema).min(1),
    }),
  ),
});

const mechanismsSchema = z.object({
  mechanisms: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: nonEmpty,
      mandate: nonEmpty,
      lead: z.array(z.number().int()),
      contributing: z.array(z.number().int()),
    }),
  ),
});

const populationsSchema = z.object({
  populations: z.array(
    z.object({
      key: z.string(),
      name: nonEmpty,
      description: nonEmpty,
      derivation: z.enum(POPULATION_DERIVATIONS),
    }),
  ),
});

export type CatalogueData = z.infer<typeof catalogueSchema>;
export type MechanismData = z.infer<typeof mechanismsSchema>['mechanisms'][number];
export type PopulationData = z.infer<typeof populationsSchema>['populations'][number];

export interface SeedCatalogue {
  sections: CatalogueData['sections'];
  actions: CatalogueData['actions'];
  mechanisms: MechanismData[];
  populations: PopulationData[];
}

export const SEED_DATA_DIR = projectPath('seed', 'data');

export function readJson<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path.basename(file)} : données invalides (${issues})`);
  }
  return parsed.data;
}

/** Reads and validates the catalogue data files; throws a French message naming the file on bad data. */
export function readSeedCatalogue(dir = SEED_DATA_DIR): SeedCatalogue {
  const catalogue = readJson(catalogueSchema, path.join(dir, 'catalogue.json'));
  const { mechanisms } = readJson(mechanismsSchema, path.join(dir, 'mechanisms.json'));
  const { populations } = readJson(populationsSchema, path.join(dir, 'populations.json'));
  return { ...catalogue, mechanisms, populations };
}
