import PDFDocument from 'pdfkit';
import { translators } from '../../../domain/i18n/catalogues.ts';
import type { Translate } from '../../../domain/i18n/translate.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import type { CanvasSize } from '../../../domain/vocabulary.ts';
import { stageName } from '../../../domain/wheel/explain.ts';
import { DOMAIN_COLOURS } from '../../../domain/wheel/palette.ts';
import { drawWheel, MIN_FONT } from '../../pdf/wheel.ts';

type Doc = PDFKit.PDFDocument;
type Box = { x: number; y: number; width: number; height: number };

const MARGIN = 32;
const MUTED = '#4a5258';

/**
 * The empty wheel for a session on paper, drawn from the instrument: A4 is two landscape pages (the wheel, then
 * the questions), A3 one landscape page with both. Each topic's question has lines to write on.
 */
export function renderCanvas(size: CanvasSize, lang: Locale): Promise<Buffer> {
  const t = translators[lang];
  const doc = new PDFDocument({
    size: size === 'a4' ? 'A4' : 'A3',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: wheel.title[lang] },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { width, height } = doc.page;
  const right = width - MARGIN;
  const bottom = height - MARGIN;

  if (size === 'a4') {
    // The wheel fills the page's height on the left; the title, the legend and the fields are beside it.
    const radius = (height - 2 * MARGIN - 24) / 2;
    drawWheel(doc, {
      cx: MARGIN + radius,
      cy: MARGIN + radius,
      diameter: 2 * radius,
      lang,
      ratingBoxes: true,
      domainNames: true,
    });
    const box = { x: MARGIN + 2 * radius + 28, y: MARGIN, width: 0, height: 0 };
    box.width = right - box.x;
    let y = heading(doc, lang, t, box, 18);
    y = legend(doc, t, lang, { ...box, y: y + 12 });
    y = fields(doc, t, { ...box, y: y + 8 }, 1);
    notes(doc, t, { ...box, y: y + 8, height: bottom - 24 - y - 8 });
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor(MUTED)
      .text(t('canvas.questionsNext'), box.x, bottom - 12, { width: box.width, lineBreak: false });
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000');
    doc.text(t('canvas.questions'), MARGIN, MARGIN);
    const top = doc.y + 8;
    questions(doc, t, lang, { x: MARGIN, y: top, width: right - MARGIN, height: bottom - top });
  } else {
    // One page: the title across the top, the wheel with its legend on the left, the questions on the right.
    const top = heading(doc, lang, t, { x: MARGIN, y: MARGIN, width: right - MARGIN, height: 0 }, 24) + 14;
    const radius = 295;
    drawWheel(doc, {
      cx: MARGIN + radius,
      cy: top + radius,
      diameter: 2 * radius,
      lang,
      ratingBoxes: true,
      domainNames: true,
    });
    const under = { x: MARGIN, y: top + 2 * radius + 30, width: 2 * radius, height: 0 };
    const y = legend(doc, t, lang, under, true);
    fields(doc, t, { ...under, y: y + 4 }, 3);
    const x = MARGIN + 2 * radius + 32;
    questions(doc, t, lang, { x, y: top, width: right - x, height: bottom - top });
  }
  doc.end();
  return done;
}

/** The wheel's name and how to use the canvas; returns where the text ends. */
function heading(doc: Doc, lang: Locale, t: Translate, box: Box, size: number): number {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('#000000');
  doc.text(wheel.title[lang], box.x, box.y, { width: box.width });
  doc
    .font('Helvetica')
    .fontSize(size > 20 ? 11 : 9.5)
    .fillColor(MUTED)
    .text(t('canvas.lead'), box.x, doc.y + 4, { width: box.width });
  return doc.y;
}

/** Ruled lines for notes, filling the box. */
function notes(doc: Doc, t: Translate, box: Box): void {
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000').text(t('canvas.notes'), box.x, box.y);
  for (let y = doc.y + 18; y < box.y + box.height; y += 18) {
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .lineWidth(0.5)
      .strokeColor('#b8bec2')
      .stroke();
  }
}

/** The domains by colour and the rings by name, so a black-and-white print still says which is which. */
function legend(doc: Doc, t: Translate, lang: Locale, box: Box, inline = false): number {
  const stages = [...wheel.stages].sort((a, b) => a.order - b.order);
  const size = inline ? 10 : 9;
  let y = box.y;
  if (inline) {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#000000');
    doc.text(`${t('canvas.rings')}: `, box.x, y, { width: box.width, continued: true });
    doc.font('Helvetica').text(stages.map((s) => `${s.order}. ${s.label[lang]}`).join('  ·  '));
    y = doc.y + 4;
    doc.font('Helvetica-Bold').text(t('canvas.rateHint'), box.x, y, { width: box.width, continued: true });
    doc.font('Helvetica').text(` ${t('report.scale')}`);
    return doc.y;
  }
  doc.font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(t('canvas.domains'), box.x, y);
  y = doc.y + 3;
  for (const domain of wheel.domains) {
    doc
      .rect(box.x, y + 1, 9, 9)
      .fillColor(DOMAIN_COLOURS[domain.id][1])
      .fill();
    doc.font('Helvetica').fontSize(size).fillColor('#000000');
    doc.text(domain.label[lang], box.x + 14, y, { width: box.width - 14 });
    y = doc.y + 2;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(size)
    .text(t('canvas.rings'), box.x, y + 6, { width: box.width });
  doc.font('Helvetica').fontSize(size);
  for (const stage of stages) doc.text(`${stage.order}. ${stage.label[lang]}`, { width: box.width });
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').text(t('canvas.rateHint'), { width: box.width });
  doc.font('Helvetica').fillColor(MUTED).text(t('report.scale'), { width: box.width });
  return doc.y;
}

/** Lines to fill in who sat at the table, when, and which round; `across` of them side by side. */
function fields(doc: Doc, t: Translate, box: Box, across: number): number {
  const labels = [t('canvas.partners'), t('canvas.date'), t('canvas.round')];
  const gap = 16;
  const width = across > 1 ? (box.width - gap * (across - 1)) / across : box.width;
  let y = box.y;
  labels.forEach((label, i) => {
    const column = i % across;
    const x = box.x + column * (width + gap);
    // The partners' names get the most room: twice the width when in a row.
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#000000')
      .text(label, x, y + 8, { lineBreak: false });
    doc
      .moveTo(x + doc.widthOfString(label) + 6, y + 19)
      .lineTo(x + width, y + 19)
      .lineWidth(0.6)
      .strokeColor('#888888')
      .stroke();
    if (column === across - 1) y += 26;
  });
  if (labels.length % across) y += 26;
  doc.x = box.x;
  return y;
}

/** Per domain a column: its topics from the outer ring inwards, each with its question and lines to write on. */
function questions(doc: Doc, t: Translate, lang: Locale, box: Box): void {
  const gap = 16;
  const width = (box.width - gap * (wheel.domains.length - 1)) / wheel.domains.length;
  const order = Object.fromEntries(wheel.stages.map((s) => [s.id, s.order]));
  for (const [column, domain] of wheel.domains.entries()) {
    const x = box.x + column * (width + gap);
    const topics = wheel.topics
      .filter((topic) => topic.domain === domain.id)
      .sort((a, b) => order[a.stage]! - order[b.stage]!);
    const deep = DOMAIN_COLOURS[domain.id][2];
    doc.rect(x, box.y, width, 3).fillColor(deep).fill();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(deep)
      .text(domain.label[lang], x, box.y + 7, { width });
    let y = doc.y + 4;
    const texts = topics.map((topic) => {
      doc.font('Helvetica-Bold').fontSize(10);
      const head = doc.heightOfString(topic.label[lang], { width });
      doc.font('Helvetica').fontSize(9.5);
      return head + doc.heightOfString(topic.question[lang], { width }) + 2;
    });
    // What is left of the column is shared out as writing space, in whole ruled lines.
    const spare = (box.y + box.height - y - texts.reduce((sum, h) => sum + h, 0)) / topics.length;
    const lineGap = 18;
    const lines = Math.max(1, Math.floor((spare - 6) / lineGap));
    for (const topic of topics) {
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000').text(topic.label[lang], x, y, {
        width,
        continued: true,
      });
      doc
        .font('Helvetica')
        .fontSize(MIN_FONT + 0.5)
        .fillColor(MUTED)
        .text(` · ${stageName(topic.stage, t)}`);
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor('#000000')
        .text(topic.question[lang], x, doc.y, { width });
      y = doc.y + 2;
      for (let line = 1; line <= lines; line++) {
        doc
          .moveTo(x, y + line * lineGap)
          .lineTo(x + width, y + line * lineGap)
          .lineWidth(0.5)
          .strokeColor('#b8bec2')
          .stroke();
      }
      y += Math.max(spare, lines * lineGap + 6);
    }
  }
  doc.fillColor('#000000');
}
