// Issue 9, point 11: extreme dates and numbers are refused with a 400 naming the field, never sent to the
// database to fail there as a 500 (PostgreSQL refuses the year 0000 and integers above 2^31 - 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import { signUp, signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const EXTREME_DATES = ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31'];
const fieldOf = (body: { error?: { details?: { field: string }[] } }) =>
  body.error?.details?.map((d) => d.field) ?? [];

describe('extreme dates and numbers', () => {
  it('refuses dates outside 1900–2100 on every date field, and keeps what was saved', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'Datum BV');
    const created = await client.post('/collaborations', {
      name: 'Datums',
      ambition: 'transaction',
      startDate: '2026-01-01',
    });
    expect(created.status).toBe(201);
    const id = created.body.collaboration.id as string;
    const agreement = await client.post(`/collaborations/${id}/agreements`, {
      topicId: 'trust',
      text: 'Afspraak',
    });
    const action = await client.post(`/collaborations/${id}/actions`, { topicId: 'trust', text: 'Actie' });

    for (const date of EXTREME_DATES) {
      const attempts = [
        [
          'startDate',
          await client.post('/collaborations', { name: 'X', ambition: 'transaction', startDate: date }),
        ],
        ['startDate', await client.patch(`/collaborations/${id}`, { startDate: date })],
        [
          'agreedOn',
          await client.post(`/collaborations/${id}/agreements`, {
            topicId: 'trust',
            text: 'A',
            agreedOn: date,
          }),
        ],
        [
          'agreedOn',
          await client.patch(`/collaborations/${id}/agreements/${agreement.body.id}`, {
            agreedOn: date,
            version: 1,
          }),
        ],
        [
          'dueDate',
          await client.post(`/collaborations/${id}/actions`, { topicId: 'trust', text: 'A', dueDate: date }),
        ],
        [
          'dueDate',
          await client.patch(`/collaborations/${id}/actions/${action.body.id}`, {
            dueDate: date,
            version: 1,
          }),
        ],
      ] as const;
      for (const [field, response] of attempts) {
        expect(response.status, `${field} ${date}`).toBe(400);
        expect(fieldOf(response.body).join(), `${field} ${date}`).toContain(field);
      }
    }
    const after = await client.get(`/collaborations/${id}`);
    expect(after.body.collaboration.startDate).toBe('2026-01-01');
    expect(after.body.agreements).toHaveLength(1);
    // The edges themselves are fine.
    expect((await client.patch(`/collaborations/${id}`, { startDate: '1900-01-01' })).status).toBe(200);
    expect((await client.patch(`/collaborations/${id}`, { startDate: '2100-12-31' })).status).toBe(200);
  });

  it('refuses numbers beyond an integer column: agreement version, round number, cohort period', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'Getal BV');
    const created = await client.post('/collaborations', { name: 'Getallen', ambition: 'transaction' });
    const id = created.body.collaboration.id as string;
    const agreement = await client.post(`/collaborations/${id}/agreements`, {
      topicId: 'trust',
      text: 'Afspraak',
    });
    const tooBig = await client.patch(`/collaborations/${id}/agreements/${agreement.body.id}`, {
      text: 'Nieuw',
      version: 2147483648,
    });
    expect(tooBig.status).toBe(400);
    expect(fieldOf(tooBig.body)).toContain('version');

    for (const number of ['2147483648', '1e10', '99999999999999999999']) {
      const round = await client.get(`/collaborations/${id}/rounds/${number}`);
      expect(round.status, number).toBe(400);
      const assessment = await client.get(`/collaborations/${id}/assessment?round=${number}`);
      expect(assessment.status, number).toBe(400);
    }

    // A new account, granted the role before its session is first used (sessions are cached for 5 seconds).
    const facilitator = await signUp(t.app, 'Begeleider');
    await t.database.db.insert(platformRoles).values({ userId: facilitator.userId!, role: 'facilitator' });
    const programme = await facilitator.post('/programmes', { name: 'Cohort' });
    expect(programme.status).toBe(201);
    for (const number of ['2147483648', '1e10', '0000', '1999', '3000']) {
      const cohort = await facilitator.get(`/programmes/${programme.body.id}/cohort?period=${number}`);
      expect(cohort.status, number).toBe(400);
      expect(fieldOf(cohort.body).join(), number).toContain('period');
    }
  });
});
