import type { Workspace } from '../../../contracts/collaborations.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useRevealEarly } from './hooks/useRevealEarly.ts';
import { useStartRound } from './hooks/useStartRound.ts';
import { useSubmitRound } from './hooks/useSubmitRound.ts';
import { useCollabWords } from './labels.ts';
import { RevealProgress } from './RevealProgress.tsx';

/** The current round: how far we are, who has handed in, and handing in, revealing early or starting the next. */
export function RoundBar({ workspace }: { workspace: Workspace }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const weSubmitted = round.status.find((s) => s.organisationId === us)?.submitted ?? false;
  const answered = round.answers.filter((a) => a.organisationId === us && a.rating !== null).length;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const submit = useSubmitRound(id);
  const early = useRevealEarly(id);
  const next = useStartRound(id);
  const error = submit.error ?? early.error ?? next.error;
  return (
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
          <RevealProgress workspace={workspace} status={round.status} subject="wheel" />
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
              {!round.status.find((s) => s.organisationId === us)?.earlyReveal && (
                <button
                  type="button"
                  className="button"
                  onClick={() => early.mutate()}
                  disabled={early.isPending}
                >
                  {t('collab.revealEarly')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
