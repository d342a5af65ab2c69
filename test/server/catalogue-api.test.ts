import request from 'supertest';
import { testApp } from '../helpers/context';

describe('GET /api/v1/catalogue', () => {
  const { app } = testApp();

  test('serves the 9 sections, 48 actions with their 106 indicators, and the 6 mechanisms', async () => {
    const res = await request(app).get('/api/v1/catalogue').expect(200).expect('Content-Type', /json/);
    const body = res.body;
    expect(body.sections).toHaveLength(9);
    expect(body.sections[1]).toEqual({
      number: 'II',
      title: 'Pratiques exemplaires en matière d’application',
      actions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    });
    expect(body.actions).toHaveLength(48);
    expect(body.actions.flatMap((a: { indicators: unknown[] }) => a.indicators)).toHaveLength(106);
    expect(body.mechanisms.map((m: { id: string }) => m.id)).toEqual([
      'president',
      'article5',
      'victim-assistance',
      'cooperation',
      'compliance',
      'coordination',
    ]);
  });

  test('each action carries its section, lead, contributing mechanisms and indicators in the documented shape', async () => {
    const { body } = await request(app).get('/api/v1/catalogue').expect(200);
    const action1 = body.actions[0];
    expect(action1).toMatchObject({ number: 1, section: 'II', lead: 'president' });
    expect(action1.contributing).toEqual(['cooperation', 'coordination']);
    expect(action1.text).toMatch(/^Assurer une véritable prise en main/);
    expect(action1.indicators[0]).toEqual({
      code: '1.1',
      action: 1,
      text: expect.stringMatching(/^Pourcentage d’États parties touchés ayant déclaré intégrer/),
      kind: 'share',
      population: 'affected',
      direction: 'up',
      provenance: null,
      derivedFrom: null,
    });
    expect(body.actions[7].indicators.map((i: { derivedFrom: string }) => i.derivedFrom)).toEqual([
      'report_on_time',
      'report_reporting_guide',
    ]);
    const action15 = body.actions[14];
    expect(action15.indicators.map((i: { population: string }) => i.population)).toEqual(['party', 'yes(15.1)']);
    expect(body.actions[45].indicators[0]).toMatchObject({ code: '46.1', kind: 'count', direction: 'down' });
  });

  test('indicator 21 says in French that its wording is derived from the action', async () => {
    const { body } = await request(app).get('/api/v1/catalogue').expect(200);
    const indicator21 = body.actions[20].indicators[0];
    expect(indicator21.code).toBe('21');
    expect(indicator21.provenance).toMatch(/formulation est dérivée du texte de l’action 21/);
  });

  test('mechanisms list their lead and contributing actions', async () => {
    const { body } = await request(app).get('/api/v1/catalogue').expect(200);
    const article5 = body.mechanisms.find((m: { id: string }) => m.id === 'article5');
    expect(article5.name).toBe('Comité sur l’application de l’article 5');
    expect(article5.lead).toEqual([17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(article5.contributing).toEqual([2, 3, 4, 5, 6, 9]);
    expect(article5.mandate.length).toBeGreaterThan(100);
  });
});
