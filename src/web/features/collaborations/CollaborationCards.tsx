import { Link } from 'react-router';
import type { CollaborationSummary } from '../../../contracts/collaborations.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useCollaborations } from './hooks/useCollaborations.ts';
import { useCollabWords } from './labels.ts';

/** The collaborations of the acting organisation, as cards on the dashboard. */
export function CollaborationCards() {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const list = useCollaborations();
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
