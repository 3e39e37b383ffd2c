import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useWorkspace } from './hooks/useWorkspace.ts';
import { useCollabWords } from './labels.ts';
import { WorkspaceView } from './WorkspaceView.tsx';

/** Loads a collaboration's workspace; one that is not ours (or gone) reads as not found. */
export function CollaborationWorkspace({ id }: { id: string }) {
  const errorText = useErrorText();
  const query = useWorkspace(id);
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
