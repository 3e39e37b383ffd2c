import PDFDocument from 'pdfkit';
import { PROCESS_EXPORT_FORMAT, type ProcessView } from '../../../contracts/process.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import { partneringProcess } from '../../../domain/instrument/process.ts';
import {
  COMPARATORS,
  type Comparator,
  DELIVERABLE_FORMS,
  type DeliverableId,
  type Row,
} from '../../../domain/process/index.ts';
import type { Locale } from '../../../domain/vocabulary.ts';

type Documented = { collaboration: { name: string }; views: ProcessView[] };

/** The process as JSON: what its partners see, cycle by cycle, in a shape `import` reads back. */
export function processExport({ collaboration, views }: Documented) {
  return {
    format: PROCESS_EXPORT_FORMAT as typeof PROCESS_EXPORT_FORMAT,
    version: 1 as const,
    exportedAt: new Date().toISOString(),
    collaboration: { name: collaboration.name },
    partners: views.at(-1)?.partners ?? [],
    cycles: views.map((view) => ({
      number: view.cycle.number,
      startedAt: view.cycle.startedAt,
      position: view.position,
      deliverables: Object.fromEntries(
        view.deliverables.map((d) => [
          d.id,
          { state: d.state, version: d.version, content: d.content, signOffs: d.signOffs },
        ]),
      ),
      checks: view.checks.filter((c) => c.outcome),
      pilots: view.pilots,
      criteria: view.criteria,
      decision: view.decision,
    })),
  };
}

// The PDF's built-in fonts cover Western European text (WinAnsi), not every sign the screen uses.
const SIGNS: Record<Comparator, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '=' };
const plain = (text: string) => text.replace(/→/g, '->').replace(/≥/g, '>=').replace(/≤/g, '<=');

/** The process (or one cycle) as a PDF in the reader's language: steps, deliverables, checks, pilots, decision. */
export function renderProcessPdf({ collaboration, views }: Documented, lang: Locale): Promise<Buffer> {
  const t = translators[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${collaboration.name} — ${t('process.title')}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL');
  const last = views.at(-1)!;
  const orgName = (id: string) =>
    last.partners.find((p) => p.organisationId === id)?.name ?? t('report.formerPartner');
  const heading = (text: string, size: number) =>
    doc.font('Helvetica-Bold').fontSize(size).text(plain(text)).font('Helvetica').fontSize(10);
  const body = (text: string) => doc.font('Helvetica').fontSize(10).text(plain(text));

  doc.font('Helvetica-Bold').fontSize(20).text(collaboration.name);
  doc.font('Helvetica').fontSize(11).fillColor('#444');
  doc.text(last.partners.map((p) => p.name).join(' · '));
  doc.text(`${t('process.title')} · ${t('report.made')} ${date(new Date().toISOString())}`);
  doc.fillColor('#000');

  for (const view of views) {
    doc.moveDown();
    heading(`${t('process.cycleOption', { n: view.cycle.number })} · ${date(view.cycle.startedAt)}`, 16);
    body(t(`process.position.${view.position}`, { step: stepLabel(view.position, lang) }));
    for (const set of view.checks) {
      if (!set.outcome) continue;
      doc.moveDown(0.5);
      heading(t(`process.checks.${set.moment}`), 12);
      body(
        `${t(`process.advice.${set.outcome.advice.verdict}`)}${set.outcome.advice.approachInDoubt ? ` ${t('process.advice.approachInDoubt')}` : ''}`,
      );
      for (const c of set.outcome.criteria) {
        const text = [...partneringProcess.appropriateness, ...partneringProcess.readiness].find(
          (x) => x.id === c.criterionId,
        )?.text[lang];
        const ratings = set.answers
          .filter((a) => a.criterionId === c.criterionId)
          .map((a) => `${orgName(a.organisationId)} ${a.rating ?? '-'}`)
          .join(', ');
        body(`• ${text} — ${t(`process.criterionStatus.${c.status}`)} (${ratings})`);
      }
    }
    for (const step of partneringProcess.steps) {
      doc.moveDown(0.7);
      heading(`${step.order}. ${step.label[lang]}`, 14);
      doc.fillColor('#444');
      body(step.goal[lang]);
      doc.fillColor('#000');
      for (const activity of step.activities) {
        const d = view.deliverables.find((x) => x.id === activity.id)!;
        doc.moveDown(0.5);
        heading(`${activity.label[lang]} — ${t(`process.state.${d.state}`)}`, 11);
        if (d.signOffs.length)
          body(
            t('process.signedBy', {
              list: d.signOffs.map((s) => `${orgName(s.organisationId)} (${date(s.signedAt)})`).join('; '),
            }),
          );
        if (d.content) writeContent(doc, d.id as DeliverableId, d.content, lang, orgName);
      }
      if (step.id === 'pilot-test' && view.pilots.length) {
        doc.moveDown(0.5);
        heading(t('process.pilots'), 11);
        for (const p of view.pilots) {
          body(
            `• ${p.title} (${date(p.startsOn)} – ${date(p.endsOn)}, ${t(`process.pilotStatus.${p.status}`)})`,
          );
          for (const [label, value] of [
            [t('process.pilotParticipants'), p.participants],
            [t('process.pilotPlan'), p.plan],
            [t('process.pilotResults'), p.results],
          ] as const)
            if (value) body(`   ${label}: ${value}`);
        }
      }
    }
    doc.moveDown(0.5);
    heading(t('process.goNoGo'), 12);
    if (!view.criteria.length) body(t('process.criteriaEmpty'));
    for (const c of view.criteria)
      body(
        `• ${c.indicator} ${SIGNS[c.comparator as Comparator] ?? c.comparator} ${c.threshold}${c.byWhen ? ` (${t('process.byWhen', { date: date(c.byWhen) })})` : ''}: ${c.measured ?? '-'} — ${t(`process.result.${c.result}`)}`,
      );
    heading(t('process.decisionTitle'), 12);
    if (view.decision.decided)
      body(
        t('process.decided', {
          decision: t(`process.decision.${view.decision.decided}`),
          date: view.decision.decidedAt ? date(view.decision.decidedAt) : '',
        }),
      );
    for (const v of view.decision.votes)
      body(
        `• ${t('process.voteLine', { org: orgName(v.organisationId), decision: t(`process.decision.${v.decision}`), who: v.by ?? '?' })}${v.reason ? ` — ${v.reason}` : ''}`,
      );
  }
  doc.end();
  return done;
}

function stepLabel(id: string, lang: Locale) {
  return partneringProcess.steps.find((s) => s.id === id)?.label[lang] ?? id;
}

function writeContent(
  doc: PDFKit.PDFDocument,
  id: DeliverableId,
  content: Record<string, unknown>,
  lang: Locale,
  orgName: (id: string) => string,
) {
  for (const field of DELIVERABLE_FORMS[id].fields) {
    const value = content[field.id];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length))
      continue;
    doc.font('Helvetica-Bold').fontSize(10).text(plain(field.label[lang]), { continued: false });
    doc.font('Helvetica');
    if (field.kind === 'list') for (const item of value as string[]) doc.text(`• ${plain(item)}`);
    else if (field.kind === 'table')
      for (const row of value as Row[])
        doc.text(
          `• ${field.columns
            .filter((c) => row[c.id] !== null && row[c.id] !== undefined && row[c.id] !== '')
            .map((c) => `${plain(c.label[lang])}: ${cellText(c, row[c.id]!, lang, orgName)}`)
            .join('; ')}`,
        );
    else doc.text(cellText(field, value as string | number, lang, orgName));
  }
}

function cellText(
  field: { kind: string; options?: readonly { id: string; label: Record<Locale, string> }[] },
  value: string | number,
  lang: Locale,
  orgName: (id: string) => string,
): string {
  if (field.kind === 'organisation') return orgName(String(value));
  if (field.kind === 'choice') {
    if ((COMPARATORS as readonly string[]).includes(String(value))) return SIGNS[value as Comparator];
    return field.options?.find((o) => o.id === value)?.label[lang] ?? String(value);
  }
  return plain(String(value));
}
