import type { Workspace } from '../../../contracts/collaborations.ts';
import { type RevealState, revealProgress } from '../../../domain/reveal/index.ts';
import { useCollabWords } from './labels.ts';

type Status = RevealState & { organisationId: string };

/**
 * Who has handed in, the reveal rule in the same words everywhere (RULES.md), and what the reveal waits for
 * now, so nobody wonders why nothing shows. Shared by the wheel round and the self-assessment.
 */
export function RevealProgress({
  workspace,
  status,
  subject,
}: {
  workspace: Workspace;
  status: Status[];
  subject: 'wheel' | 'assessment';
}) {
  const { t, orgName } = useCollabWords(workspace);
  const { waiting } = revealProgress(status);
  return (
    <>
      <ul className="partner-status">
        {status.map((s) => (
          <li key={s.organisationId}>
            <strong>{orgName(s.organisationId)}</strong>:{' '}
            {s.submitted ? t('collab.partnerSubmitted') : t('collab.partnerNotYet')}
            {s.earlyReveal && !s.submitted ? ` · ${t('collab.partnerWantsEarly')}` : ''}
          </li>
        ))}
      </ul>
      <p className="hint">
        {t(subject === 'wheel' ? 'reveal.ruleWheel' : 'reveal.ruleAssessment')}
        {waiting && (
          <>
            {' '}
            <strong>{t(`reveal.waiting.${waiting}`)}</strong>
          </>
        )}
      </p>
    </>
  );
}
