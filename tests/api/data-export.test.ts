import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { addMember, type Client, signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function download(client: Client, url: string) {
  const response = await client.request('GET', url);
  return { response, files: response.status === 200 ? unzip(response.raw.rawPayload) : {} };
}
function unzip(zip: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(zip))).map(([n, b]) => [n, strFromU8(b)]),
  );
}

describe('an organisation downloads its data (issue 9, point 13)', () => {
  it('holds its own answers always, partners’ only once revealed, never a partner’s draft, and is for admins only', async () => {
    const { client: a } = await signUpWithOrganisation(t.app, 'Alfa Export');
    const { client: b } = await signUpWithOrganisation(t.app, 'Bravo Export');
    const id = (await a.post('/collaborations', { name: 'Samen exporteren', ambition: 'integration' })).body
      .collaboration.id as string;
    const token = (await a.post(`/collaborations/${id}/invitations`)).body.link.split(
      '/partner-invitations/',
    )[1];
    expect((await b.post(`/partner-invitations/${token}/accept`)).status).toBe(200);
    await a.put(`/collaborations/${id}/answers/trust`, { rating: 4, answer: 'Alfa vertrouwt' });
    await b.put(`/collaborations/${id}/answers/trust`, { rating: 1, answer: 'BRAVO-CONCEPT' });
    await b.put(`/collaborations/${id}/assessment`, { answers: { [assessment.items[0]!.id]: 2 } });
    await a.post(`/collaborations/${id}/agreements`, {
      topicId: 'goals',
      text: '=HYPERLINK("http://x","klik")',
    });
    await a.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Plan maken, "snel"' });
    await a.post(`/collaborations/${id}/submit`);

    const before = await download(a, '/organisation/export.zip');
    expect(before.response.status).toBe(200);
    expect(before.response.raw.headers['content-type']).toBe('application/zip');
    expect(before.response.raw.headers['content-disposition']).toMatch(
      /attachment; filename="impact-wheel-alfa-export-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    expect(Object.keys(before.files).sort()).toEqual([
      'README.txt',
      'actions.csv',
      'agreements.csv',
      'collaborations.csv',
      'members.csv',
      'organisation.json',
      'programmes.csv',
      'self_assessment_answers.csv',
      'wheel_answers.csv',
    ]);
    const everything = Object.values(before.files).join('\n');
    expect(everything).toContain('Alfa vertrouwt');
    expect(everything).not.toContain('BRAVO-CONCEPT');
    const json = JSON.parse(before.files['organisation.json']!);
    expect(json.organisation.name).toBe('Alfa Export');
    expect(json.collaborations[0].selfAssessments[0].answers).toEqual([]);
    // The partnering process comes along, as its own export: issue 12.
    expect(json.collaborations[0].process.format).toBe('impact-wheel/partnering-process');
    // A partner's text stays text in a spreadsheet; quotes are doubled.
    expect(before.files['agreements.csv']).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(before.files['actions.csv']).toContain('"Plan maken, ""snel"""');
    expect(before.files['members.csv']!.startsWith('name,email,role,joined_at')).toBe(true);
    // A byte-order mark first, so Excel reads the file as UTF-8.
    const raw = unzipSync(new Uint8Array(before.response.raw.rawPayload))['members.csv']!;
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    await a.post(`/collaborations/${id}/assessment/reveal-early`);
    await b.post(`/collaborations/${id}/assessment/submit`);
    await b.post(`/collaborations/${id}/submit`);
    const after = await download(a, '/organisation/export.zip');
    expect(after.files['wheel_answers.csv']).toContain('BRAVO-CONCEPT');
    expect(after.files['wheel_answers.csv']).toContain('Bravo Export');
    expect(after.files['self_assessment_answers.csv']).toContain('Bravo Export');

    // Bravo's export holds nothing of organisations it has no collaboration with.
    const { client: c } = await signUpWithOrganisation(t.app, 'Charlie Geheim');
    await c.post('/collaborations', { name: 'Geheim project', ambition: 'transaction' });
    const bravo = await download(b, '/organisation/export.zip');
    expect(Object.values(bravo.files).join('\n')).not.toContain('Geheim');

    const member = await addMember(t.app, a, 'member');
    expect((await member.request('GET', '/organisation/export.zip')).status).toBe(403);
  });
});
