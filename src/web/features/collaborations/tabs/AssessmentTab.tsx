import { useState } from 'react';
import type { AssessmentView as View } from '../../../../contracts/assessment.ts';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import { AMBITIONS, IMPACT_LEVELS } from '../../../../contracts/values.ts';
import { explainContinuum } from '../../../../domain/assessment/continuum.ts';
import { assessment } from '../../../../domain/instrument/assessment.ts';
import { CONTINUUM_POSITIONS } from '../../../../domain/vocabulary.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useErrorText } from '../../../components/errors.ts';
import { Field } from '../../../components/Field.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';
import { useAssessment } from '../../assessment/hooks/useAssessment.ts';
import { useSaveAssessment } from '../../assessment/hooks/useSaveAssessment.ts';
import { useRevealAssessmentEarly, useSubmitAssessment } from '../../assessment/hooks/useSubmitAssessment.ts';
import { useCollabWords } from '../labels.ts';
import { RevealProgress } from '../RevealProgress.tsx';

type Likert = 1 | 2 | 3 | 4 | 5 | null;
// The continuum's four positions, left to right; 'not-enough-answers' is not a place on it.
const POSITIONS = CONTINUUM_POSITIONS.filter((p) => p !== 'not-enough-answers');

/** The self-assessment of this collaboration: our answers while the round is open, everyone's after it is revealed. */
export function AssessmentTab({ workspace }: { workspace: Workspace }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const [round, setRound] = useState<number | undefined>(undefined);
  const query = useAssessment(id, round);
  if (query.isPending) return <p>{t('app.loading')}</p>;
  if (query.error) return <Alert kind="error">{errorText(query.error)}</Alert>;
  const view = query.data;
  return (
    <div className="assessment">
      <h2>{t('collab.assessmentTitle')}</h2>
      <p>{t('collab.assessmentIntro')}</p>
      {view.rounds.length > 1 && (
        <p className="actions">
          {view.rounds.map((r) => (
            <button
              key={r.number}
              type="button"
              className="button small"
              aria-pressed={view.round.number === r.number}
              onClick={() => setRound(r.number)}
            >
              {t('collab.viewRound', { n: r.number })}
            </button>
          ))}
        </p>
      )}
      {view.editable ? (
        <AssessmentForm key={view.round.number} workspace={workspace} view={view} />
      ) : view.results ? (
        <Results workspace={workspace} view={view} />
      ) : (
        <p className="muted">{t('collab.notRevealedYet')}</p>
      )}
    </div>
  );
}

function AssessmentForm({ workspace, view }: { workspace: Workspace; view: View }) {
  const { t, lang } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const us = workspace.us.organisationId;
  const [answers, setAnswers] = useState<Record<string, Likert>>(() =>
    Object.fromEntries(view.answers.filter((a) => a.organisationId === us).map((a) => [a.itemId, a.value])),
  );
  const mine = (level: string) => view.ambitions.find((a) => a.organisationId === us && a.level === level);
  const [ambitions, setAmbitions] = useState(() =>
    Object.fromEntries(
      IMPACT_LEVELS.map((l) => [l, { text: mine(l)?.text ?? '', priority: mine(l)?.priority ?? null }]),
    ),
  );
  const [partnership, setPartnership] = useState(
    view.partnershipAmbitions.find((p) => p.organisationId === us)?.ambition ?? null,
  );
  const save = useSaveAssessment(id);
  const submit = useSubmitAssessment(id);
  const early = useRevealAssessmentEarly(id);
  // Everything on screen, for a draft and for handing in alike: submitting must never drop what was typed.
  const onScreen = () => ({
    answers,
    ambitions: Object.fromEntries(
      IMPACT_LEVELS.map((l) => [
        l,
        { text: ambitions[l]!.text.trim() || null, priority: ambitions[l]!.priority },
      ]),
    ),
    partnershipAmbition: partnership,
  });
  const saveDraft = () => save.mutate(onScreen());
  const ours = view.status.find((s) => s.organisationId === us);
  const submitted = ours?.submitted;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        saveDraft();
      }}
    >
      <RevealProgress workspace={workspace} status={view.status} subject="assessment" />
      {assessment.domains.map((domain) => (
        <section key={domain.id} className="card" aria-labelledby={`domain-${domain.id}`}>
          <h3 id={`domain-${domain.id}`}>{domain.label[lang]}</h3>
          {assessment.items
            .filter((i) => i.domain === domain.id)
            .map((item) => (
              <fieldset key={item.id} className="field statement">
                <legend>{item.statement[lang]}</legend>
                <div className="likert">
                  {[...assessment.scale.points.map((p) => p.value), null].map((value) => (
                    <label key={String(value)} className="radio">
                      <input
                        type="radio"
                        name={item.id}
                        checked={
                          (answers[item.id] ?? null) === value && (value !== null || item.id in answers)
                        }
                        onChange={() => {
                          setAnswers({ ...answers, [item.id]: value as Likert });
                          save.reset();
                        }}
                      />
                      {value === null
                        ? t('collab.noAnswer')
                        : assessment.scale.points.find((p) => p.value === value)!.label[lang]}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
        </section>
      ))}
      <section className="card" aria-labelledby="impact-ambitions">
        <h3 id="impact-ambitions">{t('collab.impactAmbitions')}</h3>
        <p className="hint">{assessment.ambitions.impact.question[lang]}</p>
        {IMPACT_LEVELS.map((level) => (
          <div key={level} className="grid-2">
            <Field label={t(`collab.levels.${level}`)}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={ambitions[level]!.text}
                  onChange={(e) =>
                    setAmbitions({ ...ambitions, [level]: { ...ambitions[level]!, text: e.target.value } })
                  }
                />
              )}
            </Field>
            <Field
              label={`${t('collab.priority')} (${t(`collab.levels.${level}`)})`}
              hint={level === 'individual' ? t('collab.priorityHint') : undefined}
            >
              {(p) => (
                <select
                  {...p}
                  value={ambitions[level]!.priority ?? ''}
                  onChange={(e) =>
                    setAmbitions({
                      ...ambitions,
                      [level]: {
                        ...ambitions[level]!,
                        priority: e.target.value ? Number(e.target.value) : null,
                      },
                    })
                  }
                >
                  <option value="">{t('collab.priorityNone')}</option>
                  <option value="1">1</option>
                  <option value="2">2</option>
                  <option value="3">3</option>
                </select>
              )}
            </Field>
          </div>
        ))}
        <fieldset className="field">
          <legend>{t('collab.partnershipAmbition')}</legend>
          <p className="hint">{assessment.ambitions.partnership.question[lang]}</p>
          {AMBITIONS.map((a) => (
            <label key={a} className="radio">
              <input
                type="radio"
                name="partnership"
                checked={partnership === a}
                onChange={() => setPartnership(a)}
              />
              {t(`collab.ambitions.${a}`)}
            </label>
          ))}
        </fieldset>
      </section>
      {(save.error ?? submit.error ?? early.error) && (
        <Alert kind="error">{errorText(save.error ?? submit.error ?? early.error)}</Alert>
      )}
      {submitted && <Alert kind="info">{t('collab.assessmentSubmitted')}</Alert>}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('collab.saveDraft')}
        </button>
        {!submitted && (
          <button
            type="button"
            className="button primary"
            onClick={() => submit.mutate(onScreen())}
            disabled={submit.isPending}
          >
            {t('collab.submitAssessment')}
          </button>
        )}
        {!ours?.earlyReveal && (
          <button type="button" className="button" onClick={() => early.mutate()} disabled={early.isPending}>
            {t('collab.revealEarly')}
          </button>
        )}
        {save.isSuccess && (
          <span role="status" className="saved-note">
            {t('collab.draftSaved')}
          </span>
        )}
      </div>
    </form>
  );
}

function Results({ workspace, view }: { workspace: Workspace; view: View }) {
  const { t, lang, translate, orgName, topicName } = useCollabWords(workspace);
  const results = view.results!;
  // The organisations in the reveal: those that submitted or chose to look together, also one that left since.
  const orgs = results.continuum.byOrganisation.map((o) => o.organisationId);
  const value = (org: string, itemId: string) =>
    view.answers.find((a) => a.organisationId === org && a.itemId === itemId)?.value;
  const fmt = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '–'
      : n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const joint = results.continuum.joint;
  const marker = (POSITIONS as readonly string[]).indexOf(joint.position);
  return (
    <div>
      <h3>{t('collab.continuum')}</h3>
      <ol className="continuum" aria-label={t('collab.continuum')}>
        {POSITIONS.map((p, i) => (
          <li key={p} className={i === marker ? 'here' : ''} aria-current={i === marker ? 'step' : undefined}>
            {t(`collab.positions.${p}`)}
          </li>
        ))}
      </ol>
      <p className="lead" data-testid="continuum-meaning">
        {t(`collab.positionMeaning.${joint.position}`)}
      </p>
      <p>
        <strong>{t('collab.whyPosition')}:</strong> {explainContinuum(joint, lang, translate)}
      </p>
      <ul>
        {results.continuum.byOrganisation.map((o) => (
          <li key={o.organisationId}>
            <strong>{orgName(o.organisationId)}:</strong> {explainContinuum(o.placement, lang, translate)}
          </li>
        ))}
      </ul>
      {view.history.length > 1 && (
        <p>
          <strong>{t('collab.history')}:</strong>{' '}
          {view.history
            .map((h) => `${t('collab.round', { n: h.round })}: ${t(`collab.positions.${h.position}`)}`)
            .join(' → ')}
        </p>
      )}

      <h3>{t('collab.chartTitle')}</h3>
      <PairedBars
        orgs={orgs}
        name={orgName}
        rows={results.statements.map((s) => ({
          id: s.itemId,
          label: assessment.items.find((i) => i.id === s.itemId)!.label[lang],
          values: orgs.map((o) => value(o, s.itemId) ?? null),
        }))}
        scale={t('collab.chartScale')}
      />

      <h3>{t('collab.results')}</h3>
      <TableWrap label={t('collab.results')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('collab.statement')}</th>
              {orgs.map((o) => (
                <th scope="col" key={o}>
                  {orgName(o)}
                </th>
              ))}
              <th scope="col">{t('collab.mean')}</th>
            </tr>
          </thead>
          <tbody>
            {results.statements.map((s) => {
              const item = assessment.items.find((i) => i.id === s.itemId)!;
              const diff = results.differences.find((d) => d.itemId === s.itemId);
              return (
                <tr key={s.itemId}>
                  <th scope="row">
                    {item.statement[lang]}
                    {diff && (
                      <p className="difference">
                        {t('collab.differs', {
                          spread: diff.spread,
                          topics: diff.topics.map(topicName).join(', '),
                        })}
                      </p>
                    )}
                  </th>
                  {orgs.map((o) => (
                    <td key={o}>{fmt(value(o, s.itemId))}</td>
                  ))}
                  <td>{fmt(s.mean)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>

      <h3>{t('collab.byDomain')}</h3>
      <ul>
        {results.domains.map((d) => (
          <li key={d.domain}>
            <strong>{assessment.domains.find((x) => x.id === d.domain)?.label[lang]}</strong>:{' '}
            {orgs.map((o) => `${orgName(o)} ${fmt(d.byOrganisation[o])}`).join(' · ')} · {t('collab.mean')}{' '}
            {fmt(d.mean)}
          </li>
        ))}
      </ul>

      <h3>{t('collab.ambitionsSideBySide')}</h3>
      {results.ambitionMismatch && <Alert kind="info">{t('collab.ambitionMismatch')}</Alert>}
      <TableWrap label={t('collab.ambitionsSideBySide')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('collab.impactAmbitions')}</th>
              {orgs.map((o) => (
                <th scope="col" key={o}>
                  {orgName(o)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {IMPACT_LEVELS.map((level) => (
              <tr key={level}>
                <th scope="row">{t(`collab.levels.${level}`)}</th>
                {orgs.map((o) => {
                  const a = view.ambitions.find((x) => x.organisationId === o && x.level === level);
                  return (
                    <td key={o}>
                      {a?.text ?? '–'}
                      {a?.priority ? ` (${t('collab.priority').toLowerCase()} ${a.priority})` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('collab.partnershipAmbition')}</th>
              {orgs.map((o) => {
                const a = view.partnershipAmbitions.find((x) => x.organisationId === o)?.ambition;
                return <td key={o}>{a ? t(`collab.ambitions.${a}`) : '–'}</td>;
              })}
            </tr>
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

/**
 * Each organisation's answer per statement as a bar of 1 to 5, side by side, so a difference shows at a glance.
 * The table below holds the same numbers; the chart itself is hidden from screen readers to say nothing twice.
 */
function PairedBars({
  orgs,
  name,
  rows,
  scale,
}: {
  orgs: string[];
  name: (organisationId: string) => string;
  rows: { id: string; label: string; values: (number | null)[] }[];
  scale: string;
}) {
  return (
    <figure className="paired-bars">
      <ul className="paired-legend" aria-hidden="true">
        {orgs.map((o, k) => (
          <li key={o}>
            <span className={`swatch org-${k % 4}`} /> {name(o)}
          </li>
        ))}
      </ul>
      <div aria-hidden="true">
        {rows.map((row) => (
          <div key={row.id} className="paired-row">
            <span className="paired-label">{row.label}</span>
            <span className="paired-values">
              {row.values.map((v, k) => (
                <span key={orgs[k]} className="paired-track">
                  <span
                    className={`paired-bar org-${k % 4}`}
                    style={{ width: v === null ? 0 : `${(v / 5) * 100}%` }}
                  />
                  <span className="paired-number">{v ?? '–'}</span>
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
      <figcaption className="hint">{scale}</figcaption>
    </figure>
  );
}
