// Issue 10, point 15: the canvas for a session on paper. The empty wheel for anyone, with every topic's
// question; the round's PDF with the wheel filled in, the agenda, the agreements and the self-assessment, each
// only once the partners may see it.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/instrument/types.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import { Client, pdfText, startTestApp, type TestApp } from './harness.ts';

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
