import type { Workspace } from '../../../../contracts/collaborations.ts';
import { useCollabWords } from '../labels.ts';
import { ActionList } from '../TopicPanel.tsx';

/** Every action of the collaboration, across topics. */
export function ActionsTab({ workspace }: { workspace: Workspace }) {
  const { t } = useCollabWords(workspace);
  return (
    <div>
      <h2>{t('collab.allActions')}</h2>
      <ActionList workspace={workspace} actions={workspace.actions} showTopic />
    </div>
  );
}
