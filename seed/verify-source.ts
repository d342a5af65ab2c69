/**
 * Checks that every action and indicator text of the catalogue stands verbatim in the source
 * document (the Action Plan as extracted text), whitespace and line-break hyphenation aside.
 * Usage: npm run seed:verify -- PATH_TO_SOURCE.txt
 * Indicator 21, whose text the source lost, is expected to be missing.
 */
import fs from 'node:fs';
import { readSeedCatalogue } from './catalogue';

// Footnote calls glued after a closing quote (« … »3.) are dropped from the catalogue's texts.
const normalise = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([»”])\d+/g, '$1')
    .trim();

function main(file: string | undefined): number {
  if (!file) {
    console.error('Usage : npm run seed:verify -- CHEMIN_DU_TEXTE_SOURCE');
    return 2;
  }
  const source = normalise(fs.readFileSync(file, 'utf8'));
  const catalogue = readSeedCatalogue();
  const texts = catalogue.actions.flatMap((a) => [
    { label: `action ${a.number}`, text: a.text, derived: false },
    ...a.indicators.map((i) => ({ label: `indicateur ${i.code}`, text: i.text, derived: i.provenance !== null })),
  ]);
  let missing = 0;
  for (const { label, text, derived } of texts) {
    const found = source.includes(normalise(text));
    if (!found && !derived) {
      missing++;
      console.log(`ABSENT  ${label} : ${text.slice(0, 90)}…`);
    }
    if (found && derived) console.log(`NOTE    ${label} est marqué comme dérivé mais figure dans la source`);
  }
  console.log(`${texts.length - missing} / ${texts.length} textes trouvés tels quels dans la source.`);
  return missing === 0 ? 0 : 1;
}

process.exitCode = main(process.argv[2]);
