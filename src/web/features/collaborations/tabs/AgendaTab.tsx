import type { Workspace } from '../../../../contracts/collaborations.ts';
import { explainAgendaReason } from '../../../../domain/wheel/explain.ts';
import { topicById, useCollabWords } from '../labels.ts';
import { NextConversation } from '../NextConversation.tsx';
import { useOpenTab } from './tabState.tsx';

/** The topics to talk about next, each with the reason it is on the list; printable as a meeting agenda. */
export function AgendaTab({ workspace }: { workspace: Workspace }) {
  const { t, lang, translate, topicName, orgName, date } = useCollabWords(workspace);
  const openTab = useOpenTab();
  if (!workspace.placement)
    return (
      <div className="agenda">
        <NextConversation workspace={workspace} />
        <p className="muted">{t('collab.agendaEmpty')}</p>
      </div>
    );
  const reason = (item: Workspace['agenda'][number]) =>
    explainAgendaReason(item.reason, lang, translate, orgName);
  return (
    <div className="agenda printable">
      <div className="section-head">
        <h2>{t('collab.agendaTitle')}</h2>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('collab.printAgenda')}
        </button>
      </div>
      <NextConversation workspace={workspace} />
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
            <p className="no-print">
              <button
                type="button"
                className="button small"
                onClick={() => openTab('wheel', { 'wheel.topic': item.topicId })}
              >
                {t('collab.openTopic', { topic: topicName(item.topicId) })}
              </button>
            </p>
            <div className="print-only notes-space" aria-hidden="true">
              {t('collab.notes')}:
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
