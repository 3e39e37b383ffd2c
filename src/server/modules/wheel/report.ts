import PDFDocument from 'pdfkit';
import type { Action, Agreement, Answer, Placement } from '../../../contracts/collaborations.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { domainName, explainPlacement, stageName } from '../../../domain/wheel/explain.ts';
import { CENTRE, WHEEL_SIZE, wheelSegments } from '../../../domain/wheel/geometry.ts';
import { DOMAIN_COLOURS, GAP_COLOUR } from '../../../domain/wheel/palette.ts';

export type ReportData = {
  collaboration: { name: string; purpose: string | null };
  /** Partners whose answers the report shows; one that left is named as a former partner. */
  participants: { organisationId: string; name: string; left?: boolean }[];
  round: { number: number; revealedAt: string | null };
  answers: Answer[];
  placement: Placement | null;
  agreements: Agreement[];
  actions: Action[];
};

/** The round report as a PDF, in the reader's language, drawn without a browser. */
export function renderRoundReport(data: ReportData, lang: Locale): Promise<Buffer> {
  const t = translators[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${data.collaboration.name} — ${t('report.round')} ${data.round.number}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL');
  const label = (id: string) => wheel.topics.find((t) => t.id === id)?.label[lang] ?? id;
  const nameOf = (p: ReportData['participants'][number]) =>
    !p.name ? t('report.erasedPartner') : p.left ? `${p.name} (${t('report.formerPartner')})` : p.name;
  const ratingText = (a?: Answer) =>
    a?.rating === 'nr' ? t('report.nr') : a?.rating ? String(a.rating) : '–';

  doc.font('Helvetica-Bold').fontSize(20).text(data.collaboration.name);
  doc.font('Helvetica').fontSize(11).fillColor('#444');
  doc.text(data.participants.map(nameOf).join(' · '));
  doc.text(
    `${t('report.round')} ${data.round.number}${data.round.revealedAt ? ` · ${t('report.revealed')} ${date(data.round.revealedAt)}` : ''} · ${t('report.made')} ${date(new Date().toISOString())}`,
  );
  if (data.collaboration.purpose) doc.moveDown(0.3).text(data.collaboration.purpose);
  doc.fillColor('#000').moveDown();

  if (data.placement) {
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${t('report.stage')}: ${stageName(data.placement.stage, t)}`);
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(explainPlacement(data.placement, lang, t));
  } else {
    doc.font('Helvetica-Oblique').fontSize(11).text(t('report.notRevealed'));
  }

  // The wheel, drawn from the same arcs as the screen.
  const size = 230;
  const scale = size / WHEEL_SIZE;
  const cx = doc.page.width / 2;
  const cy = doc.y + size / 2 + 12;
  const inPlace = new Set(data.placement?.inPlace ?? []);
  const gaps = new Set(data.placement?.gaps ?? []);
  for (const segment of wheelSegments(lang)) {
    const { topic } = segment;
    const colours = DOMAIN_COLOURS[topic.domain];
    const fill = inPlace.has(topic.id) ? colours[2] : data.placement ? colours[1] : colours[0];
    doc.save().translate(cx, cy).scale(scale).path(segment.path).fillColor(fill).fill().restore();
    if (gaps.has(topic.id)) {
      doc
        .save()
        .translate(cx, cy)
        .scale(scale)
        .path(segment.path)
        .lineWidth(6)
        .strokeColor(GAP_COLOUR)
        .stroke()
        .restore();
    }
    // Segment centres are given on the 600-unit canvas; the PDF draws the wheel around (cx, cy).
    const x = cx + (segment.x - CENTRE) * scale;
    const y = cy + (segment.y - CENTRE) * scale;
    doc
      .font('Helvetica')
      .fontSize(topic.stage === 'integration' ? 4.5 : 5.5)
      .fillColor(inPlace.has(topic.id) ? '#ffffff' : '#1d2327')
      .text(topic.label[lang], x - 30, y - 3, { width: 60, align: 'center', lineBreak: false });
  }
  doc.fillColor('#000');
  doc.y = cy + size / 2 + 16;
  doc.x = doc.page.margins.left;

  doc.font('Helvetica-Bold').fontSize(13).text(t('report.ratings'));
  doc.font('Helvetica').fontSize(8).fillColor('#444').text(t('report.scale')).fillColor('#000').moveDown(0.3);
  const columns = [t('report.topic'), ...data.participants.map(nameOf)];
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
      `${label(topic.id)} · ${stageName(topic.stage, t)}`,
      ...data.participants.map((p) =>
        ratingText(data.answers.find((a) => a.topicId === topic.id && a.organisationId === p.organisationId)),
      ),
    ]);
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text(t('report.answers'));
  for (const topic of wheel.topics) {
    const answers = data.answers.filter((a) => a.topicId === topic.id && a.answer);
    if (!answers.length) continue;
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label(topic.id)} (${domainName(topic.domain, t)}, ${stageName(topic.stage, t)})`);
    doc.font('Helvetica-Oblique').fontSize(9).text(topic.question[lang]);
    for (const a of answers) {
      const who = data.participants.find((p) => p.organisationId === a.organisationId);
      // Only answers of a named partner are printed: an answer nobody can be named for is not shown.
      if (who)
        doc
          .font('Helvetica')
          .fontSize(9)
          .text(`${nameOf(who)}: ${a.answer}`);
    }
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t('report.agreements'));
  doc.font('Helvetica').fontSize(10);
  if (!data.agreements.length) doc.text(t('report.none'));
  for (const a of data.agreements)
    doc.text(`• ${label(a.topicId)}: ${a.text}${a.agreedBy ? ` (${a.agreedBy}, ${date(a.agreedOn)})` : ''}`);

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t('report.actions'));
  doc.font('Helvetica').fontSize(10);
  if (!data.actions.length) doc.text(t('report.none'));
  for (const a of data.actions) {
    const status = a.done ? t('report.done') : a.dueDate ? `${t('report.due')} ${date(a.dueDate)}` : '';
    doc.text(
      `• ${label(a.topicId)}: ${a.text}${a.owner ? ` — ${a.owner}` : ''}${status ? ` (${status})` : ''}`,
    );
  }
  doc.end();
  return done;
}
