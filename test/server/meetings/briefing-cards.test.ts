import type { Express } from 'express';
import request from 'supertest';
import type { Db } from '../../../db/client';
import { readMeeting, readSpeakers } from '../../../db/queries/meetings';
import { validateReports } from '../../../db/queries/review';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { dataSource } from '../../../server/data-source';
import { importFiles } from '../../../server/domain/exchange/import';
import type { MeetingDetails } from '../../../server/domain/meetings/meeting-form';
import { speakerSource } from '../../../server/domain/meetings/speaker-groups';
import { createMeeting, saveGroup } from '../../../server/domain/meetings/store';
import { reportDueDate } from '../../../server/domain/registry';
import { formatDate } from '../../../server/presenters/format';
import { ANSWER_LABELS } from '../../../server/presenters/labels';
import { CARD_POINTS_MAX } from '../../../server/presenters/briefing-cards';
import { flagMessage } from '../../../server/presenters/flag-view';
import { testApp } from '../../helpers/context';
import { htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';

/**
 * The briefing cards of an intersessional meeting (issue 7 point 4), read over HTTP by an observer,
 * on data crafted here: reports on time, late (a draft) and missing, an answer of each kind with
 * its source, a State outside a population in 2025, a State flagged by the early warning, and a
 * speaker marked absent.
 */

const YEAR = 2026;
const BASELINE = 2025;

/** Populations per year: victims speak under item 3; AGO, affected, also under items 4 and 5. */
const MEMBERS: { year: number; state: string; population: string }[] = [
  ...['AFG', 'AGO', 'COL', 'UKR'].map((state) => ({ year: BASELINE, state, population: 'victims' })),
  ...['AFG', 'AGO', 'COL', 'KHM', 'UKR'].map((state) => ({ year: YEAR, state, population: 'victims' })),
  { year: BASELINE, state: 'AGO', population: 'affected' },
  { year: YEAR, state: 'AGO', population: 'affected' },
];

const REPORTS = [
  { year: YEAR, state: 'AFG', receivedOn: '2026-04-15' },
  { year: YEAR, state: 'COL', receivedOn: '2026-05-20' },
  { year: YEAR, state: 'UKR', receivedOn: '2026-04-30' },
  { year: BASELINE, state: 'AFG', receivedOn: '2025-05-02' },
  { year: BASELINE, state: 'COL', receivedOn: '2025-04-01' },
  { year: BASELINE, state: 'KHM', receivedOn: '2025-03-10' },
];

const ANSWERS: { year: number; state: string; indicator: string; answer: 'yes' | 'no' | ''; source: string; note: string }[] = [
  { year: YEAR, state: 'AFG', indicator: '30.1', answer: 'yes', source: 'Rapport 2026, section 3', note: 'Précisé en séance' },
  { year: YEAR, state: 'AFG', indicator: '30.2', answer: 'no', source: 'Rapport 2026, section 4', note: '' },
  { year: YEAR, state: 'AFG', indicator: '31.1', answer: '', source: '', note: '' },
  { year: BASELINE, state: 'AFG', indicator: '30.1', answer: 'no', source: 'Rapport 2025', note: '' },
  { year: YEAR, state: 'COL', indicator: '30.1', answer: 'no', source: '', note: '' },
  { year: YEAR, state: 'KHM', indicator: '30.2', answer: 'yes', source: 'Rapport 2026', note: '' },
  // Outside the population that year: the card must say so, not show the answer.
  { year: BASELINE, state: 'KHM', indicator: '30.2', answer: 'yes', source: 'Rapport 2025', note: '' },
];

function csv(header: string, rows: string[]): string {
  return [header, ...rows].join('\n');
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Imports the data above as drafts, then validates AFG's 2026 report only. */
function loadData(db: Db): void {
  const result = importFiles(db, [
    {
      name: 'populations.csv',
      content: csv(
        'year,state,population',
        MEMBERS.map((m) => `${m.year},${m.state},${m.population}`),
      ),
    },
    {
      name: 'reports.csv',
      content: csv(
        'year,state,received_on,used_reporting_guide',
        REPORTS.map((r) => `${r.year},${r.state},${r.receivedOn},yes`),
      ),
    },
    {
      name: 'answers.csv',
      content: csv(
        'year,state,indicator,answer,source,note',
        ANSWERS.map((a) => [a.year, a.state, a.indicator, a.answer, quoted(a.source), quoted(a.note)].join(',')),
      ),
    },
  ]);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  validateReports(db, [{ year: YEAR, state: 'AFG' }], null, '2026-05-01T10:00:00.000Z');
}

const details = (kind: MeetingDetails['kind'], year = YEAR): MeetingDetails => ({
  kind,
  title: kind === 'intersessional' ? `Réunions intersessions ${year}` : 'Comité de coordination',
  startsOn: `${year}-06-16`,
  endsOn: `${year}-06-19`,
  place: 'Genève',
  year,
  agenda: '',
});

function newMeeting(db: Db, kind: MeetingDetails['kind'], year = YEAR): number {
  const view = dataSource(db)('workspace');
  return createMeeting(db, details(kind, year), speakerSource(view.engine, readMeetingGuidelines()), { userId: null });
}

/** Marks a State absent in a group, as the meeting page's form does. */
function markAbsent(db: Db, meetingId: number, groupKey: string, state: string): void {
  const rows = readSpeakers(db, meetingId)
    .filter((r) => r.groupKey === groupKey)
    .map((r) => (r.state === state ? { ...r, absent: true } : r));
  const saved = saveGroup(db, meetingId, readMeeting(db, meetingId)!.version, groupKey, rows, { userId: null });
  if (saved.kind !== 'saved') throw new Error(`could not mark ${state} absent: ${saved.kind}`);
}

interface Card {
  html: string;
  text: string;
  iso3: string;
  item: number;
  group: string;
  /** The link to the card's full detail (none on the detail page itself). */
  detail: string | null;
}

/** The cards of a page, in page order. */
function cardsOf(html: string): Card[] {
  return [...html.matchAll(/<article class="briefing-card[^"]*"[\s\S]*?<\/article>/g)].map(([card]) => {
    const text = textOf(card);
    return {
      html: card,
      text,
      iso3: /\(([A-Z]{3})\)<\/span><\/h2>/.exec(card)![1]!,
      item: Number(/Point (\d+) :/.exec(text)![1]),
      group: /<span class="briefing-card__group">([^<]*)<\/span>/.exec(card)![1]!.replace(/&#x27;/g, "'"),
      detail:
        /<p class="briefing-card__more"><a href="([^"]+)"/
          .exec(card)?.[1]
          ?.replace(/&amp;/g, '&')
          .replace(/&#x3D;/g, '=') ?? null,
    };
  });
}

/** An indicator row of a card: its code → the text of its answer cells. */
function answerCells(card: Card): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const [row] of card.html.matchAll(/<tr>\s*<th scope="row">[\s\S]*?<\/tr>/g)) {
    const code = /<th scope="row">([^<]+)<\/th>/.exec(row)![1]!;
    const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!));
    rows.set(code, cells.slice(1));
  }
  return rows;
}

describe('briefing cards of an intersessional meeting', () => {
  let db: Db;
  let app: Express;
  let observer: Agent;
  let meetingId: number;
  let html: string;
  const guidelines = readMeetingGuidelines();

  /** The card's full detail, from its link: the page of that one card. */
  async function fullCard(card: Card): Promise<Card> {
    expect(card.detail).not.toBeNull();
    const response = await observer.get(card.detail!);
    expect(response.status).toBe(200);
    const [full, ...others] = cardsOf(response.text);
    expect(others).toEqual([]);
    expect([full!.iso3, full!.item, full!.group]).toEqual([card.iso3, card.item, card.group]);
    return full!;
  }

  beforeAll(async () => {
    ({ db, app } = testApp());
    loadData(db);
    await createTestUser(db, 'observateur@example.org', 'observer');
    observer = await signedInAgent(app, 'observateur@example.org');
    meetingId = newMeeting(db, 'intersessional');
    markAbsent(db, meetingId, 'victims', 'UKR');
    const response = await observer.get(`/espace/reunions/${meetingId}/fiches`);
    expect(response.status).toBe(200);
    html = response.text;
  });

  test('an observer reads a valid page, linked back to the meeting, that says how to print it', async () => {
    expect(await htmlProblems(html)).toEqual([]);
    expect(html).toContain(`href="/espace/reunions/${meetingId}"`);
    expect(textOf(html)).toContain('commande « Imprimer » de votre navigateur');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  test('a visitor who is not signed in is sent to the sign-in page', async () => {
    const response = await request(app).get(`/espace/reunions/${meetingId}/fiches`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/connexion\?retour=/);
  });

  test('one card per present speaker, in the order of the plan; the absent one has none, and is counted', () => {
    const rows = readSpeakers(db, meetingId);
    const expected = guidelines.items.flatMap((item) =>
      item.groups.flatMap((group) =>
        rows
          .filter((r) => r.groupKey === group.key && !r.absent)
          .sort((a, b) => a.position - b.position)
          .map((r) => `${item.number}|${group.name}|${r.state}`),
      ),
    );
    const cards = cardsOf(html);
    expect(cards.map((c) => `${c.item}|${c.group}|${c.iso3}`)).toEqual(expected);
    expect(cards.length).toBe(rows.filter((r) => !r.absent).length);
    // The data: five victims States in 2026 (UKR absent), AGO also affected.
    expect(cards.filter((c) => c.item === 3).map((c) => c.iso3)).toEqual(['AFG', 'AGO', 'KHM', 'COL']);
    expect(cards.some((c) => c.iso3 === 'UKR')).toBe(false);
    expect(textOf(html)).toContain(`${cards.length} fiches , une par État orateur présent`);
    expect(textOf(html)).toContain('1 État marqué absent n’a pas de fiche.');
  });

  test('a card gives the item, the group, the speaking order among present speakers and the time', () => {
    const victims = guidelines.items.find((i) => i.number === 3)!;
    const group = victims.groups.find((g) => g.key === 'victims')!;
    const col = cardsOf(html).find((c) => c.iso3 === 'COL' && c.item === 3)!;
    expect(col.text).toContain('Colombie (COL)');
    expect(col.text).toContain(`« Point 3 : ${victims.title} »`);
    expect(col.text).toContain('4e orateur sur 4');
    expect(col.text).toContain(`temps de parole ${group.minutes}\u00a0min`);
    expect(cardsOf(html).find((c) => c.iso3 === 'AFG')!.text).toContain('1er orateur sur 4');
  });

  test('the full detail of a card, behind its link, shows the State’s answers, « hors population » outside the population, with source and note', async () => {
    const view = dataSource(db)('workspace');
    const cards = await Promise.all(
      cardsOf(html)
        .filter((c) => c.item === 3)
        .map((c) => fullCard(c)),
    );
    const indicators = [...view.catalogue.indicatorByCode.values()].filter((i) =>
      guidelines.items.find((item) => item.number === 3)!.actions.includes(i.action),
    );
    // Who is asked: the engine's populations of the year (the victims above, or the States Parties for some indicators).
    const inPopulation = (year: number, state: string, code: string) =>
      view.engine.year(year).populations.of(view.engine.indicator(code)!).has(state);
    let checked = 0;
    for (const card of cards) {
      const cells = answerCells(card);
      const answerable = indicators.filter((i) => i.kind === 'share' || i.kind === 'count');
      expect([...cells.keys()]).toEqual(answerable.map((i) => i.code));
      for (const indicator of answerable) {
        const shown = cells.get(indicator.code)!;
        expect(shown).toHaveLength(2);
        [YEAR, BASELINE].forEach((year, column) => {
          const row = ANSWERS.find((a) => a.year === year && a.state === card.iso3 && a.indicator === indicator.code);
          const cell = shown[column]!;
          if (!inPopulation(year, card.iso3, indicator.code)) {
            expect(cell).toMatch(/^hors population/);
            return;
          }
          expect(cell.startsWith(ANSWER_LABELS[row?.answer || 'blank'])).toBe(true);
          if (!row) expect(cell).toContain('aucune réponse saisie');
          if (row?.source) expect(cell).toContain(`Source : ${row.source}`);
          if (row?.note) expect(cell).toContain(`Note : ${row.note}`);
          checked++;
        });
      }
      // The indicator's full text, verbatim.
      for (const indicator of answerable) expect(card.text).toContain(`${indicator.code} ${indicator.text}`);
    }
    expect(checked).toBeGreaterThan(50);
    // The crafted cases, once more by name.
    const afg = answerCells(cards.find((c) => c.iso3 === 'AFG')!);
    expect(afg.get('30.1')).toEqual(['oui Source : Rapport 2026, section 3 Note : Précisé en séance', 'non Source : Rapport 2025']);
    expect(afg.get('31.1')![0]).toBe('non traité');
    expect(answerCells(cards.find((c) => c.iso3 === 'KHM')!).get('30.2')![1]).toMatch(/^hors population/);
  });

  test('the report of each year: on time, late or missing, and whether it is still a draft', () => {
    const cards = cardsOf(html);
    const reportLine = (iso3: string, year: number) =>
      textOf(/<ul class="briefing-card__reports">[\s\S]*?<\/ul>/.exec(cards.find((c) => c.iso3 === iso3)!.html)![0])
        .split(/(?=\b20\d\d :)/)
        .find((line) => line.startsWith(`${year} :`))!;
    const received = (iso3: string, year: number) => formatDate(REPORTS.find((r) => r.year === year && r.state === iso3)!.receivedOn);

    expect(reportLine('AFG', YEAR)).toContain(`reçu le ${received('AFG', YEAR)}, dans les délais`);
    expect(reportLine('AFG', YEAR)).toContain('validé');
    expect(reportLine('AFG', YEAR)).not.toContain('brouillon');
    expect(reportLine('COL', YEAR)).toContain(`reçu le ${received('COL', YEAR)}, en retard`);
    expect(reportLine('COL', YEAR)).toContain('brouillon (non validé)');
    expect(reportLine('KHM', YEAR)).toContain('aucun rapport reçu');
    expect(reportLine('AFG', BASELINE)).toContain(`reçu le ${received('AFG', BASELINE)}, en retard`);
    expect(reportLine('COL', BASELINE)).toContain(`reçu le ${received('COL', BASELINE)}, dans les délais`);
    expect(reportLine('KHM', BASELINE)).toContain('dans les délais');
    expect(reportLine('AGO', BASELINE)).toContain('aucun rapport reçu');
    expect(reportLine('KHM', YEAR)).toContain(`date limite : ${formatDate(reportDueDate(YEAR))}`);
  });

  test('a State not party owes no report: its card says any report would be voluntary', () => {
    const nonParty = cardsOf(html).find((c) => c.item === 7)!;
    expect(dataSource(db)('workspace').engine.year(YEAR).populations.get('party').has(nonParty.iso3)).toBe(false);
    expect(nonParty.text).toContain(`État non partie en ${YEAR} : rapport volontaire`);
    expect(nonParty.text).not.toContain('date limite');
  });

  test('a State flagged by the early warning shows the flag on each of its cards; the others say there is none', () => {
    const flags = dataSource(db)('workspace').engine.year(YEAR).flags;
    expect(flags.get('AGO')?.length).toBeGreaterThan(0);
    const cards = cardsOf(html);
    const ago = cards.filter((c) => c.iso3 === 'AGO');
    expect(ago.map((c) => c.item)).toEqual([3, 4, 5]);
    for (const card of ago) {
      for (const flag of flags.get('AGO')!) expect(card.text).toContain(flagMessage(flag));
      expect(card.text).not.toContain('Aucun signalement');
    }
    for (const card of cards.filter((c) => !flags.has(c.iso3))) expect(card.text).toContain('Aucun signalement.');
  });

  test('figures have no per-State answer: listed apart in the full detail, not in the table', async () => {
    const view = dataSource(db)('workspace');
    const nonParty = await fullCard(cardsOf(html).find((c) => c.item === 7)!);
    const president = guidelines.items.find((i) => i.number === 7)!;
    const group = president.groups.find((g) => g.name === nonParty.group)!;
    const figures = [...view.catalogue.indicatorByCode.values()].filter(
      (i) => (group.actions ?? president.actions).includes(i.action) && (i.kind === 'figure' || i.kind === 'ratio'),
    );
    expect(figures.length).toBeGreaterThan(0);
    const cells = answerCells(nonParty);
    for (const figure of figures) {
      expect(cells.has(figure.code)).toBe(false);
      expect(nonParty.text).toContain(`${figure.code} ${figure.text}`);
    }
  });

  test('groupe= and point= print a part only; unknown values are refused in French', async () => {
    const all = cardsOf(html);
    const group = await observer.get(`/espace/reunions/${meetingId}/fiches?groupe=victims`);
    expect(group.status).toBe(200);
    expect(cardsOf(group.text).map((c) => c.iso3)).toEqual(all.filter((c) => c.item === 3).map((c) => c.iso3));
    expect(textOf(group.text)).toContain('1 État marqué absent n’a pas de fiche.');

    const item = await observer.get(`/espace/reunions/${meetingId}/fiches?point=4`);
    expect(item.status).toBe(200);
    expect(cardsOf(item.text).map((c) => `${c.item}|${c.iso3}`)).toEqual(all.filter((c) => c.item === 4).map((c) => `${c.item}|${c.iso3}`));
    expect(textOf(item.text)).toContain('Aucun orateur n’est marqué absent.');
    expect(await htmlProblems(item.text)).toEqual([]);

    for (const query of ['groupe=inconnu', 'point=2', 'point=abc', 'point=3&groupe=article3']) {
      const refused = await observer.get(`/espace/reunions/${meetingId}/fiches?${query}`);
      expect(refused.status).toBe(400);
      expect(textOf(refused.text)).toMatch(/(point|groupe d’orateurs) « [^»]+ »/);
    }
  });

  test('a meeting of another kind has no cards (404 in French), nor has a meeting that does not exist', async () => {
    const coordination = newMeeting(db, 'coordination');
    const response = await observer.get(`/espace/reunions/${coordination}/fiches`);
    expect(response.status).toBe(404);
    expect(textOf(response.text)).toContain('n’existent que pour les réunions intersessions');
    expect((await observer.get('/espace/reunions/99999/fiches')).status).toBe(404);
  });

  test('a meeting looking at 2025 reports shows one column of answers, not 2025 twice', async () => {
    const id = newMeeting(db, 'intersessional', BASELINE);
    const response = await observer.get(`/espace/reunions/${id}/fiches?groupe=victims`);
    expect(response.status).toBe(200);
    const cards = cardsOf(response.text);
    expect(cards.map((c) => c.iso3)).toEqual(['AFG', 'AGO', 'COL', 'UKR']);
    expect(cards[0]!.text).not.toContain('depuis 2025');
    cards[0] = await fullCard(cards[0]!);
    expect(cards[0].html.match(/<th scope="col">Réponse \d{4}<\/th>/g)).toEqual(['<th scope="col">Réponse 2025</th>']);
    expect(answerCells(cards[0]).get('30.1')).toEqual(['non Source : Rapport 2025']);
    const reportsList = textOf(/<ul class="briefing-card__reports">[\s\S]*?<\/ul>/.exec(cards[0].html)![0]);
    expect((reportsList.match(/\b2025 : /g) ?? []).length).toBe(1);
  });
  test('a card opens with a summary line counted from the answers, then only what changed or is open', () => {
    const view = dataSource(db)('workspace');
    const item = guidelines.items.find((i) => i.number === 3)!;
    const answerable = [...view.catalogue.indicatorByCode.values()].filter(
      (i) => item.actions.includes(i.action) && (i.kind === 'share' || i.kind === 'count'),
    );
    const engine = view.engine;
    const value = (year: number, state: string, code: string): 'yes' | 'no' | 'blank' | null => {
      if (!engine.year(year).populations.of(engine.indicator(code)!).has(state)) return null;
      const split = engine.year(year).indicators.get(code)!.states!;
      return split.yes.includes(state) ? 'yes' : split.no.includes(state) ? 'no' : 'blank';
    };
    for (const card of cardsOf(html).filter((c) => c.item === 3)) {
      const now = answerable.map((i) => value(YEAR, card.iso3, i.code));
      const before = answerable.map((i) => value(BASELINE, card.iso3, i.code));
      const count = (list: (string | null)[], v: string) => list.filter((x) => x === v).length;
      const delta = count(now, 'yes') - count(before, 'yes');
      const sign = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0';
      expect(card.text).toContain(
        `${count(now, 'yes')} oui · ${count(now, 'no')} non · ${count(now, 'blank')} sans réponse ; ${sign} oui depuis ${BASELINE}`,
      );
      // The points: every change since the baseline, then every « non » and every missing answer; « oui » unchanged are left out.
      const points = [...card.html.matchAll(/<li class="briefing-card__point--(\w+)"><strong>([^<]+)<\/strong>/g)].map(
        (m) => `${m[2]}:${m[1]}`,
      );
      const expected = answerable
        .map((i, k) => {
          const [n, b] = [now[k], before[k]];
          if (n === null) return null;
          if (b !== null && b !== n) return `${i.code}:changed`;
          return n === 'yes' ? null : `${i.code}:${n}`;
        })
        .filter((p): p is string => p !== null)
        .sort((a, b) => ['changed', 'no', 'blank'].indexOf(a.split(':')[1]!) - ['changed', 'no', 'blank'].indexOf(b.split(':')[1]!));
      const one = expected.filter((p) => !p.endsWith(':blank'));
      expect(points).toEqual(one.slice(0, CARD_POINTS_MAX));
      if (one.length > CARD_POINTS_MAX) expect(card.text).toContain(`… et ${one.length - CARD_POINTS_MAX} autre`);
      const blank = expected.filter((p) => p.endsWith(':blank')).map((p) => p.split(':')[0]);
      if (blank.length > 0) expect(card.text).toContain(`Sans réponse en ${YEAR} (${blank.length}) : ${blank.join(', ')}.`);
      else expect(card.html).not.toContain('briefing-card__blank');
      // The full table is behind the link, not on the printed card.
      expect(card.html).not.toContain('briefing-card__answers');
      expect(card.detail).toBe(`/espace/reunions/${meetingId}/fiches?groupe=victims&etat=${card.iso3}`);
    }
    const afg = cardsOf(html).find((c) => c.iso3 === 'AFG' && c.item === 3)!;
    expect(afg.text).toContain(`30.1 ${view.catalogue.indicatorByCode.get('30.1')!.text} — non en ${BASELINE} → oui en ${YEAR}`);
  });

  test('the detail of one card: a valid page; a State without a card there is a 404, a bad code a 400, in French', async () => {
    const page = await observer.get(`/espace/reunions/${meetingId}/fiches?groupe=victims&etat=AFG`);
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(textOf(page.text)).toContain('détail complet de la fiche de Afghanistan');
    const absent = await observer.get(`/espace/reunions/${meetingId}/fiches?groupe=victims&etat=UKR`);
    expect(absent.status).toBe(404);
    expect(textOf(absent.text)).toContain('Aucun orateur présent de ce groupe n’a le code « UKR »');
    for (const query of ['groupe=victims&etat=12', 'etat=AFG']) {
      const refused = await observer.get(`/espace/reunions/${meetingId}/fiches?${query}`);
      expect(refused.status).toBe(400);
    }
  });
});
