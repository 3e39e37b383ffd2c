import PDFDocument from 'pdfkit';
import type { AssessmentView } from '../../../contracts/assessment.ts';
import type {
  Action,
  AgendaItemDto,
  Agreement,
  Answer,
  Placement,
} from '../../../contracts/collaborations.ts';
import { explainContinuum } from '../../../domain/assessment/continuum.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import type { Translate } from '../../../domain/i18n/translate.ts';
import { assessment as selfAssessment } from '../../../domain/instrument/assessment.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { subjectLabel } from '../../../domain/process/subject.ts';
import {
  domainName,
  explainAgendaReason,
  explainPlacement,
  stageName,
} from '../../../domain/wheel/explain.ts';
import { drawWheel } from '../../pdf/wheel.ts';

export type ReportData = {
  collaboration: { name: string; purpose: string | null };
  /** Partners whose answers the report shows; one that left is named as a former partner. */
  participants: { organisationId: string; name: string; left?: boolean }[];
  round: { number: number; revealedAt: string | null };
  answers: Answer[];
  placement: Placement | null;
  /** Empty before the reveal. */
  agenda: AgendaItemDto[];
  /** All of the collaboration's agreements, of every round. */
  agreements: Agreement[];
  actions: Action[];
  /** The round's self-assessment as the reader may see it; `names` also holds partners that left. */
  assessment: { view: AssessmentView; names: ReportData['participants'] } | null;
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

  // The wheel, drawn from the same arcs as the screen, with each organisation's rating in its segment.
  const inPlace = new Set(data.placement?.inPlace ?? []);
  const gaps = new Set(data.placement?.gaps ?? []);
  const agreed = new Set(data.agreements.map((a) => a.topicId));
  const revealed = Boolean(data.round.revealedAt);
  // Before the reveal only the reader's own answers are here, so only those who answered get a place in the line.
  const rated = revealed
    ? data.participants
    : data.participants.filter((p) => data.answers.some((a) => a.organisationId === p.organisationId));
  const ratingOf = (topicId: string, organisationId: string) => {
    const a = data.answers.find((x) => x.topicId === topicId && x.organisationId === organisationId);
    return a?.rating === 'nr' ? t('report.nr') : a?.rating ? String(a.rating) : '–';
  };
  // A long purpose or explanation leaves too little of the first page: the wheel then gets a page of its own.
  if (doc.page.height - 48 - doc.y - 60 < 400) doc.addPage();
  const diameter = Math.min(doc.page.width - 96, doc.page.height - 48 - doc.y - 60);
  const cy = doc.y + 8 + diameter / 2;
  drawWheel(doc, {
    cx: doc.page.width / 2,
    cy,
    diameter,
    lang,
    domainNames: true,
    marks: (topic) => ({
      shade: inPlace.has(topic.id)
        ? 'inPlace'
        : rated.some((p) => ratingOf(topic.id, p.organisationId) !== '–')
          ? 'answered'
          : 'empty',
      gap: gaps.has(topic.id),
      agreed: agreed.has(topic.id),
      // A topic nobody rated keeps a clean segment rather than a row of dashes.
      ratings: rated.some((p) => ratingOf(topic.id, p.organisationId) !== '–')
        ? rated.map((p) => ratingOf(topic.id, p.organisationId)).join(' · ')
        : undefined,
    }),
  });
  doc.x = doc.page.margins.left;
  doc.y = cy + diameter / 2 + 24;
  doc.font('Helvetica').fontSize(9).fillColor('#444');
  if (!revealed) doc.text(t('canvas.ownOnly'));
  else doc.text(t('canvas.ratingOrder', { names: rated.map(nameOf).join(' · ') }));
  doc.fillColor('#000');

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text(t('canvas.agenda'));
  doc.font('Helvetica').fontSize(10);
  if (!data.agenda.length) doc.text(revealed ? t('report.none') : t('canvas.agendaEmpty'));
  const partnerName = (organisationId: string) => {
    const who = data.participants.find((p) => p.organisationId === organisationId);
    return who ? nameOf(who) : t('report.erasedPartner');
  };
  for (const [i, item] of data.agenda.entries()) {
    const topic = wheel.topics.find((x) => x.id === item.topicId);
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(
        `${i + 1}. ${label(item.topicId)}${topic ? ` (${domainName(topic.domain, t)}, ${stageName(topic.stage, t)})` : ''}`,
      );
    if (topic) doc.font('Helvetica-Oblique').fontSize(9).text(topic.question[lang]);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#444')
      .text(explainAgendaReason(item.reason, lang, t, partnerName))
      .fillColor('#000');
  }
  doc.moveDown();

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

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t('canvas.agreementsByTopic'));
  doc.font('Helvetica').fontSize(10);
  if (!data.agreements.length) doc.text(t('report.none'));
  for (const topic of wheel.topics) {
    const agreements = data.agreements.filter((a) => a.topicId === topic.id);
    if (!agreements.length) continue;
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${topic.label[lang]} (${domainName(topic.domain, t)}, ${stageName(topic.stage, t)})`);
    doc.font('Helvetica').fontSize(10);
    for (const a of agreements)
      doc.text(`• ${a.text}${a.agreedBy ? ` (${a.agreedBy}, ${date(a.agreedOn)})` : ''}`, { indent: 8 });
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t('report.actions'));
  doc.font('Helvetica').fontSize(10);
  if (!data.actions.length) doc.text(t('report.none'));
  for (const a of data.actions) {
    const status = a.done ? t('report.done') : a.dueDate ? `${t('report.due')} ${date(a.dueDate)}` : '';
    doc.text(
      `• ${subjectLabel(a, lang)}: ${a.text}${a.owner ? ` — ${a.owner}` : ''}${status ? ` (${status})` : ''}`,
    );
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t('canvas.assessment'));
  const results = data.assessment?.view.results;
  if (data.assessment && results) {
    drawAssessment(doc, data.assessment.view, results, data.assessment.names, lang, t, nameOf);
  } else {
    doc.font('Helvetica-Oblique').fontSize(10).text(t('canvas.assessmentNotRevealed'));
  }
  doc.end();
  return done;
}

type Results = NonNullable<AssessmentView['results']>;

/** The revealed self-assessment: where the partners stand on the continuum, each statement, each domain. */
function drawAssessment(
  doc: PDFKit.PDFDocument,
  view: AssessmentView,
  results: Results,
  names: ReportData['participants'],
  lang: Locale,
  t: Translate,
  nameOf: (p: ReportData['participants'][number]) => string,
) {
  const name = (organisationId: string) => {
    const who = names.find((p) => p.organisationId === organisationId);
    return who ? nameOf(who) : t('report.erasedPartner');
  };
  const fmt = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '–'
      : n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  // Only the organisations that took part in the reveal; anyone else's drafts stay their own.
  const orgs = results.continuum.byOrganisation.map((o) => o.organisationId);

  doc.font('Helvetica-Bold').fontSize(10).text(t('canvas.continuum'));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(explainContinuum(results.continuum.joint, lang, t));
  for (const o of results.continuum.byOrganisation)
    doc.text(`• ${name(o.organisationId)}: ${explainContinuum(o.placement, lang, t)}`, { indent: 8 });

  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(t('canvas.statements'));
  const left = doc.page.margins.left;
  const first = 250;
  const columns = [...orgs.map(name), t('canvas.mean')];
  const colWidth = (doc.page.width - 96 - first) / columns.length;
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(
      doc.heightOfString(cells[0]!, { width: first - 6 }),
      ...cells.slice(1).map((cell) => doc.heightOfString(cell, { width: colWidth - 6 })),
    );
    if (doc.y + height > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    doc.text(cells[0]!, left, y, { width: first - 6 });
    for (const [i, cell] of cells.slice(1).entries())
      doc.text(cell, left + first + i * colWidth, y, { width: colWidth - 6 });
    doc.y = y + height + 3;
    doc.x = left;
  };
  row(['', ...columns], true);
  for (const statement of results.statements) {
    const item = selfAssessment.items.find((i) => i.id === statement.itemId);
    row([
      item?.statement[lang] ?? statement.itemId,
      ...orgs.map((o) =>
        fmt(view.answers.find((a) => a.organisationId === o && a.itemId === statement.itemId)?.value),
      ),
      fmt(statement.mean),
    ]);
  }

  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(t('canvas.byDomain'));
  doc.font('Helvetica').fontSize(10);
  for (const d of results.domains) {
    const label = selfAssessment.domains.find((x) => x.id === d.domain)?.label[lang] ?? d.domain;
    doc.text(
      `• ${label}: ${orgs.map((o) => `${name(o)} ${fmt(d.byOrganisation[o])}`).join(' · ')} · ${t('canvas.mean')} ${fmt(d.mean)}`,
      { indent: 8 },
    );
  }
}
