import type { Workspace } from '../../../contracts/collaborations.ts';
import type { FormValues } from '../../../domain/process/index.ts';
import { IMPACT_LEVELS, type ImpactLevel } from '../../../domain/vocabulary.ts';
import { useAssessment } from '../assessment/hooks/useAssessment.ts';
import { useCollabWords } from '../collaborations/labels.ts';

/**
 * The impact ambitions of the current self-assessment beside the key impacts: your own always, the partners'
 * once it is revealed (the assessment's own rule), each to take over into the field of its level.
 */
export function AmbitionsBeside(props: {
  workspace: Workspace;
  values: FormValues;
  onUse: (level: ImpactLevel, text: string) => void;
  readOnly: boolean;
}) {
  const { workspace, values, onUse, readOnly } = props;
  const { t, orgName } = useCollabWords(workspace);
  const query = useAssessment(workspace.collaboration.id);
  const ambitions = (query.data?.ambitions ?? []).filter((a) => a.text?.trim());
  return (
    <aside className="guide-aside ambitions-beside" aria-labelledby="ambitions-beside">
      <h5 id="ambitions-beside">{t('process.ambitionsTitle')}</h5>
      {ambitions.length === 0 ? (
        <p className="small">{t('process.ambitionsEmpty')}</p>
      ) : (
        IMPACT_LEVELS.map((level) => {
          const here = ambitions.filter((a) => a.level === level);
          if (!here.length) return null;
          return (
            <div key={level}>
              <p className="small strong">{t(`collab.levels.${level}`)}</p>
              <ul className="small">
                {here.map((a) => (
                  <li key={`${a.organisationId}-${level}`}>
                    <span className="pre-wrap">{a.text}</span>{' '}
                    <span className="muted">({orgName(a.organisationId)})</span>
                    {!readOnly && !String(values[level] ?? '').includes(a.text!) && (
                      <>
                        {' '}
                        <button type="button" className="link-button" onClick={() => onUse(level, a.text!)}>
                          {t('process.useAmbition', { level: t(`collab.levels.${level}`) })}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </aside>
  );
}
