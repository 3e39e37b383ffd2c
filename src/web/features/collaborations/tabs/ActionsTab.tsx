import { useState } from 'react';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import { partneringProcess } from '../../../../domain/instrument/process.ts';
import { matchesSubject, SUBJECT_FILTERS, type SubjectFilter } from '../../../../domain/process/subject.ts';
import { useCollabWords } from '../labels.ts';
import { ActionList } from '../TopicPanel.tsx';

/** Every action of the collaboration, of the wheel's topics and the process's deliverables, filterable. */
export function ActionsTab({ workspace }: { workspace: Workspace }) {
  const { t, lang } = useCollabWords(workspace);
  const [filter, setFilter] = useState<SubjectFilter>('all');
  const label = (f: SubjectFilter) =>
    f === 'all' || f === 'wheel'
      ? t(`collab.actionFilter.${f}`)
      : t('collab.actionFilter.step', {
          step: partneringProcess.steps.find((s) => s.id === f)?.label[lang] ?? f,
        });
  const shown = workspace.actions.filter((a) => matchesSubject(a, filter));
  return (
    <div>
      <div className="section-head">
        <h2>{t('collab.allActions')}</h2>
        <label className="inline-label">
          {t('collab.actionFilter.label')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as SubjectFilter)}>
            {SUBJECT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {label(f)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ActionList workspace={workspace} actions={shown} showTopic />
    </div>
  );
}
