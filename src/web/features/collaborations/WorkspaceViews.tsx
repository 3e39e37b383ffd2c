import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Workspace } from '../../../contracts/collaborations.ts';
import { STAGES } from '../../../contracts/collaborations.ts';
import { endpoints } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { useErrorText } from '../../components/errors.ts';
import { topicById, useCollabWords } from './labels.ts';
import { ActionList } from './TopicPanel.tsx';

export function AgendaView({ workspace }: { workspace: Workspace }) {
  const { t, lang, topicName, orgName, date } = useCollabWords(workspace);
  if (!workspace.placement) return <p className="muted">{t('collab.agendaEmpty')}</p>;
  const reason = (item: Workspace['agenda'][number]) => {
    const r = item.reason;
    if (r.kind === 'gap') {
      const list = Object.entries(r.ratings)
        .map(([org, value]) => `${orgName(org)} ${value === 'nr' ? t('collab.ratings.nr') : value}`)
        .join(', ');
      return t('collab.reasons.gap', { list, spread: r.spread });
    }
    if (r.kind === 'not-in-place') {
      const average =
        r.average === null
          ? ''
          : t('collab.reasons.average', {
              value: r.average.toLocaleString(lang, { maximumFractionDigits: 1 }),
            });
      return t('collab.reasons.notInPlace', { stage: t(`collab.stages.${r.stage}`), average });
    }
    return t('collab.reasons.overdue', { count: r.count });
  };
  return (
    <div className="agenda printable">
      <div className="section-head">
        <h2>{t('collab.agendaTitle')}</h2>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('collab.printAgenda')}
        </button>
      </div>
      <p className="print-only">
        {workspace.collaboration.name} · {workspace.participants.map((p) => p.name).join(', ')} ·{' '}
        {date(new Date().toISOString())}
      </p>
      <ol className="agenda-list">
        {workspace.agenda.map((item) => (
          <li key={item.topicId} className="card agenda-item">
            <h3>{topicName(item.topicId)}</h3>
            <p className="question">{topicById(item.topicId)?.question[lang]}</p>
            <p className="muted">{reason(item)}</p>
            <div className="print-only notes-space" aria-hidden="true">
              {t('collab.notes')}:
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ActionsView({ workspace }: { workspace: Workspace }) {
  const { t } = useCollabWords(workspace);
  return (
    <div>
      <h2>{t('collab.allActions')}</h2>
      <ActionList workspace={workspace} actions={workspace.actions} showTopic />
    </div>
  );
}

export function RoundsView({ workspace }: { workspace: Workspace }) {
  const { t, date, lang } = useCollabWords(workspace);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <div>
      <h2>{t('collab.roundsTitle')}</h2>
      <ul className="list">
        {workspace.rounds.map((r) => (
          <li key={r.number} className="list-row">
            <span>
              <strong>{t('collab.round', { n: r.number })}</strong> ·{' '}
              {t('collab.roundStarted', { date: date(r.startedAt) })} ·{' '}
              {r.revealedAt
                ? t('collab.roundRevealedOn', { date: date(r.revealedAt) })
                : t('collab.roundOpen')}
            </span>
            <a
              className="button small"
              href={`/api/v1/collaborations/${workspace.collaboration.id}/rounds/${r.number}/report.pdf?lang=${lang}`}
              download
            >
              {t('collab.report')}
              <span className="visually-hidden"> {t('collab.round', { n: r.number })}</span>
            </a>
          </li>
        ))}
      </ul>
      {workspace.timeline.length > 0 && (
        <>
          <h3>{t('collab.timeline')}</h3>
          <div className="table-wrap">
            <table className="table timeline">
              <thead>
                <tr>
                  <th scope="col">{t('collab.rounds')}</th>
                  {STAGES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`collab.stages.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {workspace.timeline.map((point) => (
                  <tr key={point.round}>
                    <th scope="row">{t('collab.round', { n: point.round })}</th>
                    {STAGES.map((s) => {
                      const ring = point.rings[s];
                      return (
                        <td key={s}>
                          <span className="bar" aria-hidden="true">
                            <span className="bar-fill" style={{ width: percent(ring?.overall ?? 0) }} />
                          </span>{' '}
                          {percent(ring?.overall ?? 0)}
                          <span className="muted small-print">
                            {' '}
                            (
                            {Object.entries(ring?.domains ?? {})
                              .map(([d, v]) => `${t(`collab.domains.${d}`)} ${percent(v)}`)
                              .join(', ')}
                            )
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export function PartnersView({ workspace }: { workspace: Workspace }) {
  const { t, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = workspace.collaboration.id;
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => endpoints.inviteCollaborationPartner(id),
    onSuccess: (r) => setLink(r.link),
  });
  const leave = useMutation({
    mutationFn: () => endpoints.leaveCollaboration(id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['collaborations'] });
      await navigate('/dashboard');
    },
  });
  const archive = useMutation({
    mutationFn: () => endpoints.archiveCollaboration(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['workspace', id] }),
  });
  const error = invite.error ?? leave.error ?? archive.error;
  const archived = Boolean(workspace.collaboration.archivedAt);
  return (
    <div>
      <h2>{t('collab.partnersTitle')}</h2>
      {error && <Alert kind="error">{errorText(error)}</Alert>}
      <ul className="list">
        {workspace.participants.map((p) => (
          <li key={p.organisationId} className="list-row">
            <span>
              <strong>{p.name}</strong> · {t(`organisation.types.${p.type}`)}
            </span>
            <span className="muted">{date(p.joinedAt)}</span>
          </li>
        ))}
      </ul>
      {workspace.us.admin && !archived && (
        <section className="card" aria-labelledby="invite-partner">
          <h3 id="invite-partner">{t('collab.invitePartner')}</h3>
          <p>{t('collab.invitePartnerHelp')}</p>
          <button
            type="button"
            className="button primary"
            onClick={() => invite.mutate()}
            disabled={invite.isPending}
          >
            {t('members.inviteSubmit')}
          </button>
          {link && (
            <Alert kind="success">
              <p>{t('members.linkReady')}</p>
              <CopyField label={t('members.copy')} value={link} />
            </Alert>
          )}
        </section>
      )}
      {workspace.us.admin && !archived && (
        <p className="actions">
          <button
            type="button"
            className="button danger"
            onClick={() => window.confirm(t('collab.leaveConfirm')) && leave.mutate()}
          >
            {t('collab.leave')}
          </button>
          {workspace.us.creator && (
            <button
              type="button"
              className="button danger"
              onClick={() => window.confirm(t('collab.archiveConfirm')) && archive.mutate()}
            >
              {t('collab.archive')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
