import type { Locale } from '../../../server/i18n/locale';
import { foreignPhrases } from '../../helpers/foreign-phrases';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { YEAR, meetingApp } from '../meetings/fixture';
import { csrfTokenOf, localePrefix, memberIn } from '../../helpers/session';

/**
 * The meetings' refusals in the member's language (issue 17, docs/i18n.md#the-workspace): the
 * meeting form's field messages, the sittings' line by line, a bad rank in a speakers' list, the
 * briefing cards' filters, a meeting that does not exist, and the words in the CSV files. French is
 * word for word what it was.
 */

jest.setTimeout(180_000);

const MEETING = {
  kind: 'intersessional',
  title: 'Meetings 2026',
  startsOn: '2026-06-16',
  endsOn: '2026-06-19',
  place: 'Geneva',
  year: String(YEAR),
  agenda: '',
  sittings: '2026-06-16 10:00-13:00',
  speakersFrom: 'population',
};

/** Every check of the form that is the meetings' own (a date's format is the values' rule, worded by their module). */
const BAD = {
  ...MEETING,
  kind: 'picnic',
  title: '',
  place: 'x'.repeat(201),
  startsOn: '2026-06-19',
  endsOn: '2026-06-16',
  agenda: 'y'.repeat(5001),
  sittings: ['lundi matin', '2026-02-30 10:00-12:00', '2026-06-17 25:00-26:00', '2026-06-17 12:00-10:00', '2026-07-01 10:00-12:00'].join(
    '\n',
  ),
  speakersFrom: 'everyone',
};

const EXPECTED: Record<Locale, string[]> = {
  fr: [
    'Type de réunion : choisissez « Réunions intersessions », « Assemblée des États parties », « Réunion du Comité de coordination ».',
    'Intitulé : obligatoire (par exemple « Réunions intersessions 2027 »).',
    'Lieu : 200 caractères au plus (vous en avez saisi 201).',
    'Dernier jour : il précède le premier jour de la réunion.',
    'Ordre du jour : 5000 caractères au plus (vous en avez saisi 5001).',
    'Séances, ligne 1 : « lundi matin » ; écrivez le jour puis les heures de début et de fin, par exemple « 2027-06-16 10:00-13:00 ».',
    'Séances, ligne 2 : « 2026-02-30 » n’est pas une date du calendrier.',
    'Séances, ligne 3 : une heure va de 00:00 à 24:00.',
    'Séances, ligne 4 : la séance finit (10:00) avant de commencer (12:00).',
    'Orateurs de départ : choisissez « tous les États de la population » ou « seulement les États inscrits ».',
  ],
  en: [
    'Kind of meeting: choose “Intersessional meetings”, “Meeting of the States Parties”, “Coordinating Committee meeting”.',
    'Title: required (for example “Intersessional meetings 2027”).',
    'Venue: at most 200 characters (you entered 201).',
    'Last day: it comes before the first day of the meeting.',
    'Agenda: at most 5000 characters (you entered 5001).',
    'Sessions, line 1: “lundi matin”; write the day then the start and end times, for example “2027-06-16 10:00-13:00”.',
    'Sessions, line 2: “2026-02-30” is not a date of the calendar.',
    'Sessions, line 3: a time goes from 00:00 to 24:00.',
    'Sessions, line 4: the session ends (10:00) before it starts (12:00).',
    'Speakers at the start: choose “all the States of the population” or “only the States that asked to speak”.',
  ],
  es: [
    'Tipo de reunión: elija «Reuniones entre períodos de sesiones», «Reunión de los Estados Partes», «Reunión del Comité de Coordinación».',
    'Título: obligatorio (por ejemplo «Reuniones entre períodos de sesiones 2027»).',
    'Lugar: como máximo 200 caracteres (ha introducido 201).',
    'Último día: es anterior al primer día de la reunión.',
    'Orden del día: como máximo 5000 caracteres (ha introducido 5001).',
    'Sesiones, línea 1: «lundi matin»; escriba el día y luego las horas de inicio y de fin, por ejemplo «2027-06-16 10:00-13:00».',
    'Sesiones, línea 2: «2026-02-30» no es una fecha del calendario.',
    'Sesiones, línea 3: una hora va de 00:00 a 24:00.',
    'Sesiones, línea 4: la sesión termina (10:00) antes de empezar (12:00).',
    'Oradores al inicio: elija «todos los Estados de la población» o «solo los Estados inscritos».',
  ],
};

/** Messages about the sittings' days, once the meeting's days are right. */
const DAYS: Record<Locale, string[]> = {
  fr: [
    'Séances, ligne 2 : le 2026-07-01 n’est pas un jour de la réunion (du 2026-06-16 au 2026-06-19).',
    'Séances : le 2026-06-16, la séance de 12:00 commence avant la fin de celle de 10:00 (13:00).',
  ],
  en: [
    'Sessions, line 2: 2026-07-01 is not a day of the meeting (2026-06-16 to 2026-06-19).',
    'Sessions: on 2026-06-16, the session at 12:00 starts before the end of the one at 10:00 (13:00).',
  ],
  es: [
    'Sesiones, línea 2: el 2026-07-01 no es un día de la reunión (del 2026-06-16 al 2026-06-19).',
    'Sesiones: el 2026-06-16, la sesión de las 12:00 empieza antes del final de la de las 10:00 (13:00).',
  ],
};

describe.each(['en', 'es', 'fr'] as const)('the meetings’ refusals for a member whose account is in %s', (locale) => {
  test('a bad meeting form: every field’s message in the member’s language, nothing created', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', locale);
    const post = async (fields: Record<string, string>) =>
      (
        await admin
          .post(`${localePrefix(locale)}/espace/reunions`)
          .type('form')
          .send({ _csrf: await admin.csrf(), ...fields })
          .expect(400)
      ).text;

    const refused = await post(BAD);
    expect(refused).toContain(`<html lang="${locale}"`);
    const text = textOf(refused);
    for (const message of EXPECTED[locale]) expect(text).toContain(message);
    expect(foreignPhrases(text, locale)).toEqual([]);
    expect(await htmlProblems(refused)).toEqual([]);

    const days = textOf(await post({ ...MEETING, sittings: '2026-06-16 10:00-13:00\n2026-07-01 10:00-12:00\n2026-06-16 12:00-14:00' }));
    for (const message of DAYS[locale]) expect(days).toContain(message);
    expect(foreignPhrases(days, locale)).toEqual([]);

    // Nothing half-written: no meeting was created.
    const list = (await admin.get(`${localePrefix(locale)}/espace/reunions`).expect(200)).text;
    expect(list).not.toContain('/espace/reunions/1"');
  });
});

describe('a speakers’ list, the briefing cards, a missing meeting and the CSV files in English and Spanish', () => {
  test('their refusals and words follow the account’s language; French is unchanged', async () => {
    const { app } = await meetingApp();
    const words = {
      en: {
        rank: 'Rank of Afghanistan: “first” is not a rank; enter a whole number from 1.',
        scope: 'The speakers’ group “nowhere” does not exist: choose a group from the meeting’s list of cards.',
        item: 'Item “2” is not an item of the intersessional meetings’ agenda: choose one of items 3, 4, 5, 6, 7.',
        missing: 'No meeting has the number “999”. See the list of meetings.',
        total: 'Total of the meeting',
        yes: ',yes,no,',
      },
      es: {
        rank: 'Puesto de Afganistán: «first» no es un puesto; introduzca un número entero a partir de 1.',
        scope: 'El grupo de oradores «nowhere» no existe: elija un grupo de la lista de fichas de la reunión.',
        item: 'El tema «2» no es un tema del orden del día de las reuniones entre períodos de sesiones: elija uno de los temas 3, 4, 5, 6, 7.',
        missing: 'Ninguna reunión lleva el número «999». Consulte la lista de reuniones.',
        total: 'Total de la reunión',
        yes: ',sí,no,',
      },
      fr: {
        rank: 'Rang de Afghanistan : « first » n’est pas un rang ; saisissez un nombre entier à partir de 1.',
        scope: 'Le groupe d’orateurs « nowhere » n’existe pas : choisissez un groupe dans la liste des fiches de la réunion.',
        item: 'Le point « 2 » n’est pas un point de l’ordre du jour des réunions intersessions : choisissez l’un des points 3, 4, 5, 6, 7.',
        missing: 'Aucune réunion ne porte le numéro « 999 ». Voyez la liste des réunions.',
        total: 'Total de la réunion',
        yes: ',oui,non,',
      },
    } as const;
    for (const locale of ['en', 'es', 'fr'] as const) {
      const member = await memberIn(app, 'membre@example.org', locale);
      const created = await member
        .post(`${localePrefix(locale)}/espace/reunions`)
        .type('form')
        .send({ _csrf: await member.csrf(), ...MEETING })
        .expect(303);
      const url = created.headers.location!.replace(/[?#].*$/, '');
      const page = (await member.get(`${url}/groupes/victims`).expect(200)).text;
      const version = /name="version" value="([0-9]+)"/.exec(page)![1]!;
      const bad = (
        await member
          .post(`${url}/groupes/victims`)
          .type('form')
          .send({ _csrf: csrfTokenOf(page), version, 'rank:AFG': 'first' })
          .expect(400)
      ).text;
      expect(textOf(bad)).toContain(words[locale].rank);
      // Beside its field on the group's page too, with what was typed.
      expect(textOf(fragment(bad, '<p class="field__error" id="rang-victims-AFG-error">', '</p>'))).toContain(words[locale].rank);
      expect(bad).toContain('name="rank:AFG" value="first"');
      if (locale !== 'fr') expect(foreignPhrases(textOf(bad), locale)).toEqual([]);

      for (const [query, message] of [
        ['groupe=nowhere', words[locale].scope],
        ['point=2', words[locale].item],
      ] as const) {
        const refused = (await member.get(`${url}/fiches?${query}`).expect(400)).text;
        expect(textOf(refused)).toContain(message);
      }
      const missing = (await member.get(`${localePrefix(locale)}/espace/reunions/999`).expect(404)).text;
      expect(textOf(missing)).toContain(words[locale].missing);

      const speakers = (await member.get(`${url}/orateurs.csv`).expect(200)).text;
      // Stable column codes in every language; the cells' words in the member's.
      expect(speakers.split('\n')[0]).toBe('\ufeffpoint,intitule_point,groupe,nom_groupe,rang,iso3,etat,present,ajoute,minutes');
      expect(speakers).toContain(words[locale].yes);
      const agenda = (await member.get(`${url}/ordre-du-jour.csv`).expect(200)).text;
      expect(agenda).toContain(words[locale].total);
      if (locale !== 'fr') expect(foreignPhrases(`${speakers}\n${agenda}`, locale)).toEqual([]);
    }
  });
});
