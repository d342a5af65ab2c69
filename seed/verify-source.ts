/**
 * Checks that every action and indicator text of the catalogue stands verbatim in the source
 * document (the Action Plan as extracted text), whitespace and line-break hyphenation aside.
 * Usage: npm run seed:verify -- PATH_TO_SOURCE.txt
 * Indicator 21, whose text the source lost, is expected to be missing.
 * With --guidelines, checks instead the meeting guidelines' item titles, group headings and
 * questions against the guidelines for participants (000_….txt).
 */
import fs from 'node:fs';
import { readSeedCatalogue } from './catalogue';
import { readMeetingGuidelines } from './meeting-guidelines';

// Footnote calls glued after a closing quote (« … »3.) are dropped from the catalogue's texts, and
// the source's Markdown emphasis (*…*) from the guidelines' questions.
const normalise = (s: string) =>
  s
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([»”])\d+/g, '$1')
    .trim();

function catalogueTexts() {
  return readSeedCatalogue().actions.flatMap((a) => [
    { label: `action ${a.number}`, text: a.text, derived: false },
    ...a.indicators.map((i) => ({ label: `indicateur ${i.code}`, text: i.text, derived: i.provenance !== null })),
  ]);
}

/** Every text of the meeting guidelines, as it should stand in the guidelines for participants. */
function guidelineTexts() {
  return readMeetingGuidelines().items.flatMap((item) => [
    { label: `point ${item.number}`, text: `Point ${item.number} de l'ordre du jour : ${item.title}`, derived: false },
    ...item.groups.flatMap((group) => [
      { label: `groupe ${group.key}`, text: group.questionsHeading, derived: false },
      ...group.questions.flatMap((q, i) => [
        { label: `groupe ${group.key}, question ${i + 1}`, text: q.text, derived: false },
        ...q.details.map((d) => ({ label: `groupe ${group.key}, question ${i + 1}, détail`, text: d, derived: false })),
      ]),
    ]),
  ]);
}

function main(args: string[]): number {
  const guidelines = args[0] === '--guidelines';
  const file = guidelines ? args[1] : args[0];
  if (!file) {
    console.error('Usage : npm run seed:verify -- [--guidelines] CHEMIN_DU_TEXTE_SOURCE');
    return 2;
  }
  const source = normalise(fs.readFileSync(file, 'utf8'));
  const texts = guidelines ? guidelineTexts() : catalogueTexts();
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

process.exitCode = main(process.argv.slice(2));
