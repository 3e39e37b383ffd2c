import { arc } from 'd3-shape';
import PDFDocument from 'pdfkit';
import type { Action, Agreement, Answer, Placement } from '../../../contracts/collaborations.ts';
import type { Locale, StageId } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { domainName, explainPlacement, stageName } from '../../../domain/wheel/explain.ts';

export type ReportData = {
  collaboration: { name: string; purpose: string | null };
  participants: { organisationId: string; name: string }[];
  round: { number: number; revealedAt: string | null };
  answers: Answer[];
  placement: Placement | null;
  agreements: Agreement[];
  actions: Action[];
};

const TEXT: Record<Locale, Record<string, string>> = {
  nl: {
    round: 'Ronde',
    revealed: 'samen bekeken op',
    notRevealed:
      'Deze ronde is nog niet samen bekeken: alleen de antwoorden van jullie eigen organisatie staan hierin.',
    stage: 'Fase',
    ratings: 'Beoordelingen per onderwerp',
    topic: 'Onderwerp',
    answers: 'Antwoorden',
    agreements: 'Afspraken',
    actions: 'Acties',
    none: 'Geen.',
    nr: 'n.v.t.',
    due: 'uiterlijk',
    done: 'klaar',
    made: 'Gemaakt op',
    scale: '1 helemaal niet · 2 een beetje · 3 grotendeels · 4 volledig · n.v.t. nog niet van belang',
  },
  en: {
    round: 'Round',
    revealed: 'looked at together on',
    notRevealed: 'This round has not been revealed yet: only your own organisation’s answers are in it.',
    stage: 'Stage',
    ratings: 'Ratings per topic',
    topic: 'Topic',
    answers: 'Answers',
    agreements: 'Agreements',
    actions: 'Actions',
    none: 'None.',
    nr: 'n/r',
    due: 'due',
    done: 'done',
    made: 'Made on',
    scale: '1 not at all · 2 a little · 3 largely · 4 fully · n/r not relevant yet',
  },
};

// The domain colours of the web client, deepening towards the core.
const COLOURS: Record<string, [string, string, string]> = {
  'value-creation': ['#d4ebee', '#94cbd1', '#0f6e7a'],
  resources: ['#f7e3cb', '#e9b77f', '#8a4600'],
  'partnership-processes': ['#e4ddf2', '#b7a8dc', '#5b3f99'],
};
const RING: Record<StageId, [number, number]> = {
  orientation: [200, 292],
  integration: [110, 198],
  transformation: [30, 108],
};
const DOMAIN_INDEX: Record<string, number> = {
  'value-creation': 0,
  resources: 1,
  'partnership-processes': 2,
};

/** The round report as a PDF, in the reader's language, drawn without a browser. */
export function renderRoundReport(data: ReportData, lang: Locale): Promise<Buffer> {
  const w = TEXT[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${data.collaboration.name} — ${w.round} ${data.round.number}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL');
  const label = (id: string) => wheel.topics.find((t) => t.id === id)?.label[lang] ?? id;
  const ratingText = (a?: Answer) => (a?.rating === 'nr' ? w.nr! : a?.rating ? String(a.rating) : '–');

  doc.font('Helvetica-Bold').fontSize(20).text(data.collaboration.name);
  doc.font('Helvetica').fontSize(11).fillColor('#444');
  doc.text(data.participants.map((p) => p.name).join(' · '));
  doc.text(
    `${w.round} ${data.round.number}${data.round.revealedAt ? ` · ${w.revealed} ${date(data.round.revealedAt)}` : ''} · ${w.made} ${date(new Date().toISOString())}`,
  );
  if (data.collaboration.purpose) doc.moveDown(0.3).text(data.collaboration.purpose);
  doc.fillColor('#000').moveDown();

  if (data.placement) {
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${w.stage}: ${stageName(data.placement.stage, lang)}`);
    doc.font('Helvetica').fontSize(11).text(explainPlacement(data.placement, lang));
  } else {
    doc.font('Helvetica-Oblique').fontSize(11).text(w.notRevealed!);
  }

  // The wheel, drawn from the same arcs as the screen.
  const size = 230;
  const scale = size / 600;
  const cx = doc.page.width / 2;
  const cy = doc.y + size / 2 + 12;
  const inPlace = new Set(data.placement?.inPlace ?? []);
  const gaps = new Set(data.placement?.gaps ?? []);
  for (const topic of wheel.topics) {
    const same = wheel.topics.filter((t) => t.domain === topic.domain && t.stage === topic.stage);
    const width = (2 * Math.PI) / 3 / same.length;
    const start = DOMAIN_INDEX[topic.domain]! * ((2 * Math.PI) / 3) + same.indexOf(topic) * width;
    const [inner, outer] = RING[topic.stage];
    const path = arc()({
      innerRadius: inner,
      outerRadius: outer,
      startAngle: start,
      endAngle: start + width,
      padAngle: 0.01,
    });
    const colours = COLOURS[topic.domain]!;
    const fill = inPlace.has(topic.id) ? colours[2] : data.placement ? colours[1] : colours[0];
    doc
      .save()
      .translate(cx, cy)
      .scale(scale)
      .path(path ?? '')
      .fillColor(fill)
      .fill()
      .restore();
    if (gaps.has(topic.id)) {
      doc
        .save()
        .translate(cx, cy)
        .scale(scale)
        .path(path ?? '')
        .lineWidth(6)
        .strokeColor('#c05600')
        .stroke()
        .restore();
    }
    const mid = start + width / 2;
    const r = ((inner + outer) / 2) * scale;
    const name = topic.label[lang];
    doc
      .font('Helvetica')
      .fontSize(topic.stage === 'integration' ? 4.5 : 5.5)
      .fillColor(inPlace.has(topic.id) ? '#ffffff' : '#1d2327')
      .text(name, cx + r * Math.sin(mid) - 30, cy - r * Math.cos(mid) - 3, {
        width: 60,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.fillColor('#000');
  doc.y = cy + size / 2 + 16;
  doc.x = doc.page.margins.left;

  doc.font('Helvetica-Bold').fontSize(13).text(w.ratings!);
  doc.font('Helvetica').fontSize(8).fillColor('#444').text(w.scale!).fillColor('#000').moveDown(0.3);
  const columns = [w.topic!, ...data.participants.map((p) => p.name)];
  const first = 190;
  const colWidth = (doc.page.width - 96 - first) / Math.max(1, data.participants.length);
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    // Every cell may wrap: the row is as tall as its tallest cell.
    const height = Math.max(
      doc.heightOfString(cells[0]!, { width: first - 6 }),
      ...cells.slice(1).map((cell) => doc.heightOfString(cell, { width: colWidth - 6 })),
    );
    if (doc.y + height > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    doc.text(cells[0]!, 48, y, { width: first - 6 });
    for (const [i, cell] of cells.slice(1).entries()) {
      doc.text(cell, 48 + first + i * colWidth, y, { width: colWidth - 6 });
    }
    doc.y = y + height + 3;
    doc.x = 48;
  };
  row(columns, true);
  for (const topic of wheel.topics) {
    row([
      `${label(topic.id)} · ${stageName(topic.stage, lang)}`,
      ...data.participants.map((p) =>
        ratingText(data.answers.find((a) => a.topicId === topic.id && a.organisationId === p.organisationId)),
      ),
    ]);
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text(w.answers!);
  for (const topic of wheel.topics) {
    const answers = data.answers.filter((a) => a.topicId === topic.id && a.answer);
    if (!answers.length) continue;
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label(topic.id)} (${domainName(topic.domain, lang)}, ${stageName(topic.stage, lang)})`);
    doc.font('Helvetica-Oblique').fontSize(9).text(topic.question[lang]);
    for (const a of answers) {
      const who = data.participants.find((p) => p.organisationId === a.organisationId)?.name ?? '';
      doc.font('Helvetica').fontSize(9).text(`${who}: ${a.answer}`);
    }
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(w.agreements!);
  doc.font('Helvetica').fontSize(10);
  if (!data.agreements.length) doc.text(w.none!);
  for (const a of data.agreements)
    doc.text(`• ${label(a.topicId)}: ${a.text}${a.agreedBy ? ` (${a.agreedBy}, ${date(a.agreedOn)})` : ''}`);

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(w.actions!);
  doc.font('Helvetica').fontSize(10);
  if (!data.actions.length) doc.text(w.none!);
  for (const a of data.actions) {
    const status = a.done ? w.done : a.dueDate ? `${w.due} ${date(a.dueDate)}` : '';
    doc.text(
      `• ${label(a.topicId)}: ${a.text}${a.owner ? ` — ${a.owner}` : ''}${status ? ` (${status})` : ''}`,
    );
  }
  doc.end();
  return done;
}
