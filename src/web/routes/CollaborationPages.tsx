import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AMBITIONS, type CollaborationSummary, type Workspace } from '../../contracts/collaborations.ts';
import { wheel } from '../../domain/instrument/wheel.ts';
import { ApiError } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { AssessmentTab } from '../features/collaborations/AssessmentView.tsx';
import { useCollabWords } from '../features/collaborations/labels.ts';
import { TopicPanel } from '../features/collaborations/TopicPanel.tsx';
import {
  ActionsView,
  AgendaView,
  PartnersView,
  RoundsView,
} from '../features/collaborations/WorkspaceViews.tsx';
import { type TopicView, WheelChart } from '../features/wheel/WheelChart.tsx';
import { RequireUser } from './guards.tsx';

/** The collaborations of the acting organisation, as cards on the dashboard. */
export function CollaborationCards() {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const list = useQuery({ queryKey: ['collaborations'], queryFn: endpoints.collaborations });
  return (
    <section aria-labelledby="collaborations">
      <div className="section-head">
        <h2 id="collaborations">{t('collab.listTitle')}</h2>
        {(list.data?.collaborations.length ?? 0) > 0 && (
          <Link className="button primary" to="/collaborations/new">
            {t('collab.start')}
          </Link>
        )}
      </div>
      {list.error && <Alert kind="error">{errorText(list.error)}</Alert>}
      {list.data?.collaborations.length === 0 && (
        <div className="card empty">
          <h3>{t('collab.emptyTitle')}</h3>
          <p>{t('collab.empty')}</p>
          <Link className="button primary" to="/collaborations/new">
            {t('collab.start')}
          </Link>
        </div>
      )}
      <ul className="cards">
        {list.data?.collaborations.map((c) => (
          <CollaborationCard key={c.id} collaboration={c} />
        ))}
      </ul>
    </section>
  );
}

function CollaborationCard({ collaboration: c }: { collaboration: CollaborationSummary }) {
  const { t } = useCollabWords();
  return (
    <li className="card collab-card">
      <h3>
        <Link to={`/collaborations/${c.id}`}>{c.name}</Link>
      </h3>
      <p className="meta">{c.partners.map((p) => p.name).join(' · ')}</p>
      <p>
        <span className="badge">{c.stage ? t(`collab.stages.${c.stage}`) : t('collab.noStage')}</span>{' '}
        <span className="muted">{t('collab.round', { n: c.round })}</span>
      </p>
      {!c.roundRevealed && (
        <p className={c.weSubmitted ? 'muted' : 'attention'}>
          {c.weSubmitted ? t('collab.weSubmitted') : t('collab.waitingForUs', { n: c.round })}
        </p>
      )}
      <p className="muted">{t('collab.openActions', { count: c.openActions })}</p>
    </li>
  );
}

export function NewCollaborationPage() {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', purpose: '', startDate: '', ambition: 'transaction' });
  const [nameError, setNameError] = useState<string>();
  const create = useMutation({
    mutationFn: () =>
      endpoints.createCollaboration({
        name: form.name,
        purpose: form.purpose.trim() || null,
        startDate: form.startDate || null,
        ambition: form.ambition as (typeof AMBITIONS)[number],
      }),
    onSuccess: async (workspace) => {
      client.setQueryData(['workspace', workspace.collaboration.id], workspace);
      await client.invalidateQueries({ queryKey: ['collaborations'] });
      await navigate(`/collaborations/${workspace.collaboration.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = !form.name.trim();
    setNameError(missing ? t('errors.field.required') : undefined);
    if (!missing) create.mutate();
  };
  return (
    <RequireUser>
      {() => (
        <div className="narrow wide-form">
          <h1>{t('collab.newTitle')}</h1>
          {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
          <form className="card form" onSubmit={submit} noValidate>
            <Field label={t('collab.name')} error={nameError}>
              {(p) => (
                <input
                  {...p}
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('collab.purpose')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={form.purpose}
                  onChange={(e) => setForm({ ...form, purpose: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('collab.startDate')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={form.startDate}
                  onChange={(e) => setForm({ ...form, startDate: e.target.value })}
                />
              )}
            </Field>
            <fieldset className="field">
              <legend>{t('collab.ambition')}</legend>
              {AMBITIONS.map((a) => (
                <label key={a} className="radio">
                  <input
                    type="radio"
                    name="ambition"
                    checked={form.ambition === a}
                    onChange={() => setForm({ ...form, ambition: a })}
                  />
                  {t(`collab.ambitions.${a}`)}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button primary" disabled={create.isPending}>
              {t('collab.create')}
            </button>
          </form>
        </div>
      )}
    </RequireUser>
  );
}

const TABS = ['wheel', 'agenda', 'actions', 'assessment', 'rounds', 'partners'] as const;
type Tab = (typeof TABS)[number];

export function CollaborationPage() {
  return <RequireUser>{() => <CollaborationWorkspace />}</RequireUser>;
}

function CollaborationWorkspace() {
  const { id = '' } = useParams();
  const errorText = useErrorText();
  const query = useQuery({
    queryKey: ['workspace', id],
    queryFn: () => endpoints.workspace(id),
    retry: false,
  });
  const { t } = useCollabWords(query.data);
  if (query.isPending) return <p>{t('app.loading')}</p>;
  if (query.error) {
    return (
      <Alert kind="error">
        {query.error instanceof ApiError && query.error.status === 404
          ? t('collab.notFound')
          : errorText(query.error)}
      </Alert>
    );
  }
  return <WorkspaceView workspace={query.data} />;
}

function topicViews(workspace: Workspace): Record<string, TopicView> {
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const submitted = round.status.find((s) => s.organisationId === us)?.submitted ?? false;
  const inPlace = new Set(round.revealedAt ? (workspace.placement?.inPlace ?? []) : []);
  const gaps = new Set(round.revealedAt ? (workspace.placement?.gaps ?? []) : []);
  const agreed = new Set(workspace.agreements.map((a) => a.topicId));
  const views: Record<string, TopicView> = {};
  for (const topic of wheel.topics) {
    const ours = round.answers.some(
      (a) => a.organisationId === us && a.topicId === topic.id && a.rating !== null,
    );
    const state: TopicView['state'] = round.revealedAt
      ? inPlace.has(topic.id)
        ? 'inPlace'
        : 'revealed'
      : submitted
        ? 'waiting'
        : ours
          ? 'ours'
          : 'empty';
    views[topic.id] = { state, gap: gaps.has(topic.id), agreed: agreed.has(topic.id) };
  }
  return views;
}

function WorkspaceView({ workspace }: { workspace: Workspace }) {
  const { t, lang, orgName, topicName, explanation } = useCollabWords(workspace);
  const errorText = useErrorText();
  const client = useQueryClient();
  const [tab, setTab] = useState<Tab>('wheel');
  const [topic, setTopic] = useState<string | null>(null);
  const [asList, setAsList] = useState(false);
  const id = workspace.collaboration.id;
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const weSubmitted = round.status.find((s) => s.organisationId === us)?.submitted ?? false;
  const answered = round.answers.filter((a) => a.organisationId === us && a.rating !== null).length;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const refresh = () => client.invalidateQueries({ queryKey: ['workspace', id] });
  const submit = useMutation({ mutationFn: () => endpoints.submitRound(id), onSuccess: refresh });
  const early = useMutation({ mutationFn: () => endpoints.revealEarly(id), onSuccess: refresh });
  const next = useMutation({
    mutationFn: () => endpoints.startRound(id),
    onSuccess: (w) => client.setQueryData(['workspace', id], w),
  });
  const views = topicViews(workspace);
  const error = submit.error ?? early.error ?? next.error;

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!move) return;
    e.preventDefault();
    const nextTab = TABS[(i + move + TABS.length) % TABS.length]!;
    setTab(nextTab);
    document.getElementById(`tab-${nextTab}`)?.focus();
  };

  return (
    <div className="workspace">
      <header className="workspace-head">
        <h1>{workspace.collaboration.name}</h1>
        <p className="meta">{workspace.participants.map((p) => p.name).join(' · ')}</p>
        <div className="stage-line">
          <span className="badge stage-badge">
            {workspace.placement ? t(`collab.stages.${workspace.placement.stage}`) : t('collab.noStage')}
          </span>
          <details>
            <summary>{t('collab.why')}</summary>
            <p data-testid="stage-explanation">{explanation()}</p>
          </details>
        </div>
        {archived && <Alert kind="info">{t('collab.archived')}</Alert>}
      </header>

      <section className="round-bar card" aria-labelledby="round-title">
        <h2 id="round-title" className="round-title">
          {t('collab.round', { n: round.number })}
        </h2>
        {error && <Alert kind="error">{errorText(error)}</Alert>}
        {round.revealedAt ? (
          <div className="actions">
            <span role="status">{t('collab.revealedNote', { n: round.number })}</span>
            {!archived && (
              <button
                type="button"
                className="button"
                onClick={() => next.mutate()}
                disabled={next.isPending}
                title={t('collab.startRoundHelp')}
              >
                {t('collab.startRound')}
              </button>
            )}
          </div>
        ) : (
          <>
            <p>
              <progress max={wheel.topics.length} value={answered} aria-hidden="true" />{' '}
              {t('collab.progress', { answered, total: wheel.topics.length })}
              {!weSubmitted && ` — ${t('collab.submitWhenReady')}`}
            </p>
            <ul className="partner-status">
              {round.status.map((s) => (
                <li key={s.organisationId}>
                  <strong>{orgName(s.organisationId)}</strong>:{' '}
                  {s.submitted ? t('collab.partnerSubmitted') : t('collab.partnerNotYet')}
                  {s.earlyReveal && !s.submitted ? ` · ${t('collab.partnerWantsEarly')}` : ''}
                </li>
              ))}
            </ul>
            {!archived && (
              <div className="actions">
                {!weSubmitted && (
                  <button
                    type="button"
                    className="button primary"
                    onClick={() => window.confirm(t('collab.submitConfirm')) && submit.mutate()}
                    disabled={submit.isPending}
                  >
                    {t('collab.submit')}
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  onClick={() => early.mutate()}
                  disabled={early.isPending}
                >
                  {t('collab.revealEarly')}
                </button>
              </div>
            )}
            <p className="hint">{t('collab.revealEarlyHelp')}</p>
          </>
        )}
      </section>

      <div role="tablist" aria-label={t('collab.sections')} className="tabs" onKeyDown={onTabKey}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
          >
            {t(`collab.${name}`)}
            {name === 'agenda' && workspace.agenda.length > 0 ? ` (${workspace.agenda.length})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'wheel' && (
          <div className="wheel-layout">
            <div className="wheel-side">
              <div className="actions no-print">
                <button type="button" className="link-button" onClick={() => setAsList(!asList)}>
                  {asList ? t('collab.wheelView') : t('collab.listView')}
                </button>
                <button type="button" className="link-button" onClick={() => window.print()}>
                  {t('collab.printCanvas')}
                </button>
              </div>
              {asList ? (
                <ul className="topic-list">
                  {wheel.topics.map((x) => (
                    <li key={x.id}>
                      <button
                        type="button"
                        className={`topic-item${topic === x.id ? ' selected' : ''}`}
                        aria-pressed={topic === x.id}
                        onClick={() => setTopic(x.id)}
                      >
                        <span>{topicName(x.id)}</span>
                        <span className="muted">
                          {t(`collab.domains.${x.domain}`)} · {t(`collab.stages.${x.stage}`)} ·{' '}
                          {t(`collab.state.${views[x.id]!.state}`)}
                          {views[x.id]!.gap ? ` · ${t('collab.state.gap')}` : ''}
                          {views[x.id]!.agreed ? ` · ${t('collab.state.agreed')}` : ''}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <WheelChart views={views} selected={topic} onSelect={setTopic} />
              )}
              <ul className="wheel-legend" aria-hidden="true">
                {(['empty', 'ours', 'waiting', 'revealed', 'inPlace'] as const).map((s) => (
                  <li key={s}>
                    <span className={`swatch ${s}`} />
                    {t(`collab.state.${s}`)}
                  </li>
                ))}
                <li>≠ {t('collab.state.gap')}</li>
                <li>✓ {t('collab.state.agreed')}</li>
              </ul>
            </div>
            <div className="topic-side">
              {topic ? (
                <TopicPanel workspace={workspace} topicId={topic} />
              ) : (
                <p className="card muted">{t('collab.chooseTopic')}</p>
              )}
            </div>
          </div>
        )}
        {tab === 'agenda' && <AgendaView workspace={workspace} />}
        {tab === 'actions' && <ActionsView workspace={workspace} />}
        {tab === 'assessment' && <AssessmentTab workspace={workspace} />}
        {tab === 'rounds' && <RoundsView workspace={workspace} />}
        {tab === 'partners' && <PartnersView workspace={workspace} />}
      </div>
      <span hidden>{lang}</span>
    </div>
  );
}

export function PartnerInvitationPage() {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const preview = useQuery({
    queryKey: ['partner-invitation', token],
    queryFn: () => endpoints.previewPartnerInvitation(token),
    retry: false,
  });
  const [declined, setDeclined] = useState(false);
  const accept = useMutation({
    mutationFn: () => endpoints.acceptPartnerInvitation(token),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['collaborations'] });
      await navigate(`/collaborations/${r.collaborationId}`);
    },
  });
  const decline = useMutation({
    mutationFn: () => endpoints.declinePartnerInvitation(token),
    onSuccess: () => setDeclined(true),
  });
  const here = `/partner-invitations/${token}`;
  return (
    <RequireUser>
      {(me) => {
        const active = me.memberships.find((m) => m.organisationId === me.activeOrganisationId);
        return (
          <div className="narrow">
            <h1>{t('collab.invitationTitle')}</h1>
            {preview.isPending && <p>{t('app.loading')}</p>}
            {preview.error && <Alert kind="error">{errorText(preview.error)}</Alert>}
            {preview.data && (
              <div className="card">
                <p className="lead">
                  {t('collab.invitationText', {
                    org: preview.data.invitedBy,
                    name: preview.data.collaborationName,
                  })}
                </p>
                {declined ? (
                  <Alert kind="info">{t('collab.declined')}</Alert>
                ) : preview.data.status !== 'open' ? (
                  <Alert kind="error">{t('invitation.notOpen', { status: preview.data.status })}</Alert>
                ) : !active ? (
                  <p>
                    <Link to="/organisations/new">{t('dashboard.create')}</Link>
                  </p>
                ) : active.role !== 'admin' ? (
                  <Alert kind="info">{t('collab.adminOnly')}</Alert>
                ) : (
                  <>
                    <p>
                      {t('nav.actingFor')} <strong>{active.name}</strong>
                    </p>
                    {(accept.error ?? decline.error) && (
                      <Alert kind="error">{errorText(accept.error ?? decline.error)}</Alert>
                    )}
                    <div className="actions">
                      <button
                        type="button"
                        className="button primary"
                        onClick={() => accept.mutate()}
                        disabled={accept.isPending}
                      >
                        {t('collab.accept')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => decline.mutate()}
                        disabled={decline.isPending}
                      >
                        {t('collab.decline')}
                      </button>
                    </div>
                  </>
                )}
              </div>
            )}
            <span hidden>{here}</span>
          </div>
        );
      }}
    </RequireUser>
  );
}
