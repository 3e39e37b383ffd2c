// Issue 10, point 15: the canvas for a session on paper. The empty wheel for anyone, with every topic's
// question; the round's PDF with the wheel filled in, the agenda, the agreements and the self-assessment, each
// only once the partners may see it.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentView } from '../../src/contracts/assessment.ts';
import type { AgendaItemDto } from '../../src/contracts/collaborations.ts';
import { explainContinuum } from '../../src/domain/assessment/continuum.ts';
import { translators } from '../../src/domain/i18n/catalogues.ts';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { LOCALES } from '../../src/domain/instrument/types.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import { explainAgendaReason } from '../../src/domain/wheel/explain.ts';
import {
  Client,
  invitePartner,
  pdfText,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The text in reading order with every run of white space as one space, so wrapped sentences read whole. */
const flat = (pdf: Buffer) => pdfText(pdf, { layout: false }).replace(/\s+/g, ' ');
const pageSizes = (pdf: Buffer) =>
  [
    ...execFileSync('pdfinfo', ['-f', '1', '-l', '9', '-'], { input: pdf })
      .toString('utf8')
      .matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+)/g),
  ].map((m) => [Number(m[1]), Number(m[2])]);

describe('the empty canvas', () => {
  it.each([
    ['a4', 'nl'],
    ['a3', 'en'],
  ] as const)('is a PDF for anyone, %s in %s, with every topic’s label and question', async (size, lang) => {
    const response = await new Client(t.app).request(
      'GET',
      `/instrument/canvas.pdf?size=${size}&lang=${lang}`,
    );
    expect(response.status).toBe(200);
    expect(response.raw.headers['content-type']).toBe('application/pdf');
    const pdf = response.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdf);
    for (const topic of wheel.topics) {
      expect(text).toContain(topic.label[lang]);
      expect(text).toContain(topic.question[lang]);
    }
    for (const domain of wheel.domains) expect(text).toContain(domain.label[lang]);
    // The other language is not mixed in.
    const other = LOCALES.find((l) => l !== lang)!;
    expect(text).not.toContain(wheel.topics[0]!.question[other]);
  });

  it('is A4 landscape on two pages (the wheel, then the questions) or A3 landscape on one', async () => {
    const anonymous = new Client(t.app);
    const a4 = (await anonymous.request('GET', '/instrument/canvas.pdf?size=a4&lang=en')).raw.rawPayload;
    const a3 = (await anonymous.request('GET', '/instrument/canvas.pdf?size=a3&lang=en')).raw.rawPayload;
    expect(pageSizes(a4).map(([w, h]) => [Math.round(w!), Math.round(h!)])).toEqual([
      [842, 595],
      [842, 595],
    ]);
    expect(pageSizes(a3).map(([w, h]) => [Math.round(w!), Math.round(h!)])).toEqual([[1191, 842]]);
    // Without a query: A4 in Dutch.
    const plain = await anonymous.request('GET', '/instrument/canvas.pdf');
    expect(plain.status).toBe(200);
    expect(flat(plain.raw.rawPayload)).toContain(wheel.topics[0]!.question.nl);
  });

  it.each([
    ['size=a5', 'size'],
    ['size=A4', 'size'],
    ['lang=de', 'lang'],
    ['size=a4&lang=', 'lang'],
  ])('answers %s with 400 naming the field', async (query, field) => {
    const response = await new Client(t.app).get(`/instrument/canvas.pdf?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('the round’s PDF', () => {
  const orientation = wheel.topics.filter((x) => x.stage === 'orientation');
  const statements = assessment.items;

  /** The rating cells of a topic's row in the ratings table (the PDF laid out as on the page). */
  const row = (text: string, label: string, stage: string) => {
    const line = text.split('\n').find((l) => l.includes(`${label} · ${stage}`));
    return line
      ?.slice(line.indexOf(`${label} · ${stage}`) + `${label} · ${stage}`.length)
      .trim()
      .split(/\s+/);
  };

  it('shows before the reveal none of a partner’s answers, ratings or self-assessment; after it the agenda, the agreements and (once revealed) the self-assessment', async () => {
    const se = await signUpWithOrganisation(t.app, 'Werkpoort Canvas');
    const co = await signUpWithOrganisation(t.app, 'Bouwbedrijf Canvas');
    const id = (await se.client.post('/collaborations', { name: 'Canvasronde', ambition: 'integration' }))
      .body.collaboration.id as string;
    await invitePartner(se.client, co.client, id);
    for (const topic of orientation) {
      await se.client.put(`/collaborations/${id}/answers/${topic.id}`, {
        rating: 4,
        answer: `Wij over ${topic.id}`,
      });
      await co.client.put(`/collaborations/${id}/answers/${topic.id}`, {
        rating: 1,
        answer: `Geheim van de partner over ${topic.id}`,
      });
    }
    await se.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'goals',
      text: 'Elke maand samen aan tafel',
    });
    await co.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'trust',
      text: 'Open boek over de planning',
    });
    const answers = (value: number) => Object.fromEntries(statements.map((s) => [s.id, value]));
    expect((await se.client.put(`/collaborations/${id}/assessment`, { answers: answers(5) })).status).toBe(
      200,
    );
    expect(
      (await co.client.post(`/collaborations/${id}/assessment/submit`, { answers: answers(2) })).status,
    ).toBe(200);

    const report = async (lang: 'nl' | 'en') => {
      const response = await se.client.request(
        'GET',
        `/collaborations/${id}/rounds/1/report.pdf?lang=${lang}`,
      );
      expect(response.status).toBe(200);
      return response.raw.rawPayload;
    };
    const nl = translators.nl;

    // Before the reveal: our own ratings and answers only, no agenda, no self-assessment (the partner submitted its).
    const before = await report('nl');
    const beforeText = pdfText(before);
    const beforeFlat = flat(before);
    for (const topic of orientation) {
      expect(row(beforeText, topic.label.nl, nl('collab.stages.orientation'))?.sort()).toEqual(['4', '–']);
      expect(beforeFlat).toContain(`Wij over ${topic.id}`);
    }
    expect(beforeFlat).not.toContain('Geheim van de partner');
    expect(beforeFlat).toContain(nl('canvas.ownOnly'));
    expect(beforeFlat).toContain(nl('canvas.agendaEmpty'));
    expect(beforeFlat).toContain(nl('canvas.assessmentNotRevealed'));
    for (const s of statements) expect(beforeFlat).not.toContain(s.statement.nl);

    // The wheel reveals; the self-assessment does not yet (we have not submitted it).
    await se.client.post(`/collaborations/${id}/submit`);
    expect((await co.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: true });
    const revealed = await report('en');
    const revealedText = pdfText(revealed);
    const revealedFlat = flat(revealed);
    const en = translators.en;
    for (const topic of orientation) {
      expect(row(revealedText, topic.label.en, en('collab.stages.orientation'))?.sort()).toEqual(['1', '4']);
      expect(revealedFlat).toContain(`Geheim van de partner over ${topic.id}`);
    }
    const workspace = (await se.client.get(`/collaborations/${id}`)).body;
    const names: Record<string, string> = {
      [se.organisationId]: 'Werkpoort Canvas',
      [co.organisationId]: 'Bouwbedrijf Canvas',
    };
    expect(workspace.agenda.length).toBeGreaterThan(0);
    expect(revealedFlat).toContain(en('canvas.agenda'));
    for (const [i, item] of (workspace.agenda as AgendaItemDto[]).entries()) {
      const topic = wheel.topics.find((x) => x.id === item.topicId)!;
      expect(revealedFlat).toContain(`${i + 1}. ${topic.label.en}`);
      expect(revealedFlat).toContain(explainAgendaReason(item.reason, 'en', en, (o) => names[o]!));
    }
    expect(revealedFlat).toContain(en('canvas.agreementsByTopic'));
    expect(revealedFlat).toContain('Elke maand samen aan tafel');
    expect(revealedFlat).toContain('Open boek over de planning');
    expect(revealedFlat).toContain(en('canvas.assessmentNotRevealed'));
    for (const s of statements) expect(revealedFlat).not.toContain(s.statement.en);

    // The self-assessment reveals too: its results are in, for both organisations.
    await se.client.post(`/collaborations/${id}/assessment/submit`);
    const both = flat(await report('nl'));
    expect(both).not.toContain(nl('canvas.assessmentNotRevealed'));
    expect(both).toContain(nl('canvas.assessment'));
    for (const s of statements) expect(both).toContain(s.statement.nl);
    const view = (await se.client.get(`/collaborations/${id}/assessment`)).body as AssessmentView;
    expect(view.results).not.toBeNull();
    expect(both).toContain(explainContinuum(view.results!.continuum.joint, 'nl', nl));

    // Someone outside the collaboration gets nothing.
    const outsider = (await signUpWithOrganisation(t.app, 'Buitenstaander')).client;
    expect((await outsider.request('GET', `/collaborations/${id}/rounds/1/report.pdf`)).status).toBe(404);
  });
});
