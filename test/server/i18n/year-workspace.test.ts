import type { Locale } from '../../../server/i18n/locale';
import { foreignPhrases } from '../../helpers/foreign-phrases';
import { htmlProblems, textOf } from '../../helpers/html';
import { withAudit } from '../../../db/queries/audit';
import { validateReports } from '../../../db/queries/review';
import { answers } from '../../../db/schema';
import { YEAR, meetingApp } from '../meetings/fixture';
import { csrfTokenOf, localePrefix, memberIn, type Agent } from '../../helpers/session';

/**
 * The year's workspace pages in the member's language (issue 17, docs/i18n.md#the-workspace): the
 * checklist, the reports list, a report's form with its recent changes, the publication preview and
 * its refusals, the carry-forward's refusal and the registry's 404, for a member whose account is in
 * English or Spanish: their words, and no phrase of another language's message file. French unchanged.
 */

jest.setTimeout(180_000);

/** A page in `locale`: its `lang`, and no phrase of another language's message file in its text. */
async function pageIn(agent: Agent, locale: Locale, path: string, status = 200): Promise<string> {
  const response = await agent.get(`${localePrefix(locale)}${path}`).expect(status);
  expect(response.text).toContain(`<html lang="${locale}"`);
  expect({ path, foreign: foreignPhrases(textOf(response.text), locale) }).toEqual({ path, foreign: [] });
  return response.text;
}

const flat = (html: string) => textOf(html).replace(/\s+/g, ' ');

describe('the year’s workspace pages in English and Spanish', () => {
  test('an administrator in English: checklist, reports list, report form and its recent changes, publication preview and refusals', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'en');

    const year = flat(await pageIn(admin, 'en', `/espace/annees/${YEAR}`));
    expect(year).toContain('Registry of States to check');
    expect(year).toMatch(/\d+ States Parties in 2026; \d+ accessions? and \d+ withdrawals? since 2025\./);
    expect(year).toContain('Publication preview');
    expect(year).toContain('2026 is not published: the public does not see it.');
    expect(year).not.toContain('sans objet');

    const reports = await pageIn(admin, 'en', `/espace/saisie/${YEAR}?tri=statut&ordre=decroissant`);
    expect(flat(reports)).toContain('under early warning');
    expect(flat(reports)).toContain('Missing answers');
    // The column sorted descending offers the ascending order next, in English.
    expect(reports).toMatch(/aria-sort="descending"><a [^>]*>Status<span class="visually-hidden">[^<]*sort in ascending order/);
    expect(await htmlProblems(reports)).toEqual([]);
    const badStatus = await pageIn(admin, 'en', `/espace/saisie/${YEAR}?statut=termine`, 400);
    expect(flat(badStatus)).toContain('The status “termine” does not exist: choose aucun, brouillon, valide or publie.');
    const badFlag = await pageIn(admin, 'en', `/espace/saisie/${YEAR}?retard=peut-etre`, 400);
    expect(flat(badFlag)).toContain('peut-etre');

    // A report row saved in English, then read back in its recent changes.
    const form = await pageIn(admin, 'en', `/espace/saisie/${YEAR}/COL`);
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    await admin
      .post(`/en/espace/saisie/${YEAR}/COL`)
      .type('form')
      .send({ _csrf: csrfTokenOf(form), version, received_on: '2026-04-01', used_reporting_guide: 'yes', section: 'rapport' })
      .expect(303);
    const saved = flat(await pageIn(admin, 'en', `/espace/saisie/${YEAR}/COL`));
    // A bad date and an overlong source: each field named in English, as the import words its rule.
    const again = await pageIn(admin, 'en', `/espace/saisie/${YEAR}/COL`);
    const code = /name="source:([0-9.]+)"/.exec(again)![1]!;
    const bad = await admin
      .post(`/en/espace/saisie/${YEAR}/COL`)
      .type('form')
      .send({
        _csrf: csrfTokenOf(again),
        version: /name="version" value="(\d+)"/.exec(again)![1]!,
        received_on: '2026-02-31',
        used_reporting_guide: 'yes',
        [`answer:${code}`]: 'yes',
        [`source:${code}`]: 's'.repeat(501),
      });
    expect(bad.status).toBe(400);
    expect(flat(bad.text)).toContain('Date received: ');
    expect(flat(bad.text)).toContain(`Indicator ${code}, source: `);
    expect(foreignPhrases(textOf(bad.text), 'en')).toEqual([]);
    expect(saved).toContain('“Report” saved: 1 change.');
    expect(saved).toContain('Report added: received on 1 April 2026, guide used');
    expect(saved).toContain('Section VII. Victim assistance');
    // An answer entered from the command line, in the recent changes of its State.
    const ukraine = flat(await pageIn(admin, 'en', `/espace/saisie/${YEAR}/UKR`));
    expect(ukraine).toContain('Indicator 46.1: answer added (yes)');
    const unknown = flat(await pageIn(admin, 'en', `/espace/saisie/${YEAR}/ZZZ`, 404));
    expect(unknown).toContain('The State “ZZZ” is not in the registry of States.');

    const preview = await pageIn(admin, 'en', `/espace/annees/${YEAR}/publication`);
    expect(flat(preview)).toContain(`Publish ${YEAR}: preview`);
    expect(flat(preview)).toMatch(/\d+ reports? (is|are) still (a draft|drafts): have (it|them) validated/);
    expect(flat(preview)).toContain('Indicators “worsening”');
    expect(flat(preview)).toContain('States flagged by the early warning');
    expect(await htmlProblems(preview)).toEqual([]);
    const refused = await admin
      .post(`/en/espace/annees/${YEAR}/publication`)
      .type('form')
      .send({ _csrf: csrfTokenOf(preview) })
      .expect(409);
    expect(refused.text).toContain('<html lang="en"');
    expect(flat(refused.text)).toMatch(/The year 2026 cannot be published: \d+ reports? (is|are) still/);
    expect(flat(refused.text)).toContain('Nothing was published');
    expect(foreignPhrases(textOf(refused.text), 'en')).toEqual([]);

    const carry = await pageIn(admin, 'en', `/espace/annees/${YEAR}/populations`);
    const carried = await admin
      .post(`/en/espace/annees/${YEAR}/populations`)
      .type('form')
      .send({ _csrf: csrfTokenOf(carry), fingerprint: 'x' })
      .expect(400);
    expect(flat(carried.text)).toContain('Nothing was copied: tick at least one population to carry forward.');
    expect(foreignPhrases(textOf(carried.text), 'en')).toEqual([]);

    const registry = flat(await pageIn(admin, 'en', '/espace/registre/ZZZ', 404));
    expect(registry).toContain('No State in the registry has the code “ZZZ”');
    const tooLong = flat(await pageIn(admin, 'en', `/espace/registre?etat=${'x'.repeat(61)}`, 400));
    expect(tooLong).toContain('takes 60 characters at most');

    const journal = flat(await pageIn(admin, 'en', `/espace/journal?annee=${YEAR}&etat=COL`));
    expect(journal).toContain('1 April 2026');
    // Its download too: the columns and the words of each line in English.
    const csv = (await admin.get(`/en/espace/journal.csv?annee=${YEAR}&etat=COL`).expect(200)).text;
    expect(csv.split('\n')[0]).toBe('\ufeffid,date,user,origin,subject,operation,year,state,indicator,before,after,reason');
    expect(csv).toContain(',online entry,Colombia — report (2026),addition,');
    expect(foreignPhrases(csv, 'en')).toEqual([]);
  });

  test('a member in Spanish: checklist, reports list, a report form and the publication refusal in Spanish', async () => {
    const { app, db } = await meetingApp();
    // A change made by the demonstration data (its author's label is stored in French).
    withAudit(db, { userId: null, label: 'données de démonstration', origin: 'demo' }, (tx) => {
      tx.insert(answers).values({ year: YEAR, state: 'KHM', indicator: '46.1', answer: 'no', source: null, note: null }).run();
      validateReports(tx, [{ year: YEAR, state: 'KHM' }], null, new Date().toISOString());
    });
    const member = await memberIn(app, 'membre@example.org', 'es');
    const year = flat(await pageIn(member, 'es', `/espace/annees/${YEAR}`));
    expect(year).toContain('Registro de Estados');
    expect(year).toContain('por verificar');
    const reports = flat(await pageIn(member, 'es', `/espace/saisie/${YEAR}`));
    expect(reports).toContain('Respuestas que faltan (sus indicadores)');
    expect(reports).toContain('en alerta temprana');
    const ukraine = flat(await pageIn(member, 'es', `/espace/saisie/${YEAR}/UKR`));
    expect(ukraine).toContain('Indicador 46.1: respuesta añadida (sí)');
    expect(ukraine).toContain('Ucrania');
    const cambodia = flat(await pageIn(member, 'es', `/espace/saisie/${YEAR}/KHM`));
    expect(cambodia).toContain('datos de demostración');
    expect(cambodia).toMatch(/Validado por datos de demostración el /);
    // A year that is not the plan's, in the workspace's addresses: refused in the member's language.
    for (const path of [`/espace/annees/2024`, `/espace/saisie/1999/UKR`, `/espace/chiffres/2031`, `/espace/journal?annee=20x6`]) {
      const refused = flat(await pageIn(member, 'es', path, 400));
      expect({ path, said: refused.includes('no es un año del plan') }).toEqual({ path, said: true });
    }
  });

  test('French is unchanged', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'fr');
    const year = flat((await admin.get(`/espace/annees/${YEAR}`).expect(200)).text);
    expect(year).toContain('Registre des États à vérifier');
    expect(year).toMatch(/\d+ États parties en 2026 ; \d+ entrées? et \d+ retraits? depuis 2025\./);
    expect(year).toContain('2026 n’est pas publiée : le public ne la voit pas.');
    const reports = flat((await admin.get(`/espace/saisie/${YEAR}`).expect(200)).text);
    expect(reports).toContain('en alerte précoce');
    expect(reports).toContain('Réponses manquantes');
    const ukraine = flat((await admin.get(`/espace/saisie/${YEAR}/UKR`).expect(200)).text);
    expect(ukraine).toContain('Indicateur 46.1 : réponse ajoutée (oui)');
    const preview = (await admin.get(`/espace/annees/${YEAR}/publication`).expect(200)).text;
    expect(flat(preview)).toContain(`Publier ${YEAR} : aperçu`);
    const refused = await admin
      .post(`/espace/annees/${YEAR}/publication`)
      .type('form')
      .send({ _csrf: csrfTokenOf(preview) })
      .expect(409);
    expect(flat(refused.text)).toMatch(
      /L’année 2026 ne peut pas être publiée : \d+ rapports? (est|sont) encore en brouillon\. Faites-les valider d’abord\./,
    );
    expect(foreignPhrases(textOf(refused.text), 'fr')).toEqual([]);
  });
});
