/**
 * npm run bench:engine — times the computation of all 106 indicators for all plan years, on the
 * demonstration data and on a synthetic dataset about ten times larger, and prints both and their
 * ratio. Medians over many repetitions after a warm-up, so the figures are repeatable.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/client';
import { readEngineData } from '../server/domain/stored-data';
import { loadDemoData } from '../seed/demo-load';
import { loadSeed } from '../seed/load';
import { EngineSnapshot } from '../server/domain/engine/engine';
import { PLAN_YEARS, type EngineData } from '../server/domain/engine/types';

function computeAllYears(data: EngineData): void {
  const snapshot = new EngineSnapshot(data);
  for (const year of PLAN_YEARS) snapshot.year(year);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void, repetitions: number): number {
  for (let i = 0; i < Math.max(5, repetitions / 10); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Ten times the demonstration data: its two years copied onto all five plan years (×2.5) and the
 * registry copied four times under made-up codes with the same memberships, reports and answers (×4).
 */
function tenTimesLarger(data: EngineData): EngineData {
  const copies = 4;
  const code = (iso3: string, copy: number) => (copy === 0 ? iso3 : `${String.fromCharCode(80 + copy)}${iso3.slice(1)}`);
  const out: EngineData = { indicators: data.indicators, states: [], memberships: [], reports: [], answers: [], figures: [] };
  for (let copy = 0; copy < copies; copy++) {
    out.states.push(...data.states.map((s) => ({ ...s, iso3: code(s.iso3, copy) })));
    for (const target of PLAN_YEARS) {
      const source = target % 2 === 1 ? 2025 : 2026;
      const shift = <T extends { year: number }>(rows: T[]) => rows.filter((r) => r.year === source).map((r) => ({ ...r, year: target }));
      out.memberships.push(...shift(data.memberships).map((m) => ({ ...m, state: code(m.state, copy) })));
      out.reports.push(
        ...shift(data.reports).map((r) => ({ ...r, state: code(r.state, copy), receivedOn: `${target}${r.receivedOn.slice(4)}` })),
      );
      out.answers.push(...shift(data.answers).map((a) => ({ ...a, state: code(a.state, copy) })));
      if (copy === 0) out.figures.push(...shift(data.figures));
    }
  }
  return out;
}

const size = (d: EngineData) => d.memberships.length + d.reports.length + d.answers.length + d.figures.length;

function main(): void {
  const repetitions = Number(process.env.BENCH_REPETITIONS ?? 200);
  const db = openDatabase(':memory:');
  loadSeed(db);
  loadDemoData(db);
  const demo = readEngineData(db);
  const large = tenTimesLarger(demo);

  const readAndCompute = time(() => computeAllYears(readEngineData(db)), repetitions);
  const demoMs = time(() => computeAllYears(demo), repetitions);
  const largeMs = time(() => computeAllYears(large), Math.max(20, repetitions / 5));

  console.log(`Calcul des 106 indicateurs pour les ${PLAN_YEARS.length} années du plan (médiane sur ${repetitions} répétitions)`);
  console.log(
    `  démonstration        : ${size(demo).toLocaleString('fr-FR')} lignes, ${demoMs.toFixed(2)} ms (${(demoMs / PLAN_YEARS.length).toFixed(2)} ms par année)`,
  );
  console.log(`  démonstration + lecture SQLite : ${readAndCompute.toFixed(2)} ms`);
  console.log(
    `  synthétique ×${(size(large) / size(demo)).toFixed(1)} : ${size(large).toLocaleString('fr-FR')} lignes, ${largeMs.toFixed(2)} ms`,
  );
  console.log(
    `  rapport des temps    : ${(largeMs / demoMs).toFixed(2)} pour ${(size(large) / size(demo)).toFixed(1)} fois plus de données`,
  );
  db.$client.close();
}

main();
