import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { ProcessExport, ProcessView } from '../../../contracts/process.ts';
import { api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useCollabWords } from '../collaborations/labels.ts';

/** The process as PDF and JSON, and a JSON exported elsewhere to start from. */
export function ProcessDocuments({ workspace, view }: { workspace: Workspace; view: ProcessView }) {
  const { t, lang, subjectName } = useCollabWords(workspace);
  const errorText = useErrorText();
  const client = useQueryClient();
  const id = workspace.collaboration.id;
  const file = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const base = `/api/v1/collaborations/${id}/process`;
  const cycle = view.cycle.current ? '' : `cycle=${view.cycle.number}&`;
  const importing = useMutation({
    mutationFn: (template: ProcessExport) =>
      unwrap(api.POST('/collaborations/{id}/process/import', { params: { path: { id } }, body: template })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['process', id] }),
  });
  const read = async (chosen: File | undefined) => {
    setProblem(null);
    importing.reset();
    if (!chosen) return;
    if (chosen.size > 1_000_000) return setProblem(t('process.importTooLarge'));
    try {
      importing.mutate(JSON.parse(await chosen.text()) as ProcessExport);
    } catch {
      setProblem(t('process.importNotJson'));
    }
    if (file.current) file.current.value = '';
  };
  const name = (d: string) => subjectName({ topicId: null, deliverableId: d });
  return (
    <details className="process-documents">
      <summary>{t('process.documents')}</summary>
      <div className="actions">
        <a className="button small" href={`${base}/export.pdf?${cycle}lang=${lang}`} download>
          {view.cycle.current
            ? t('process.downloadPdf')
            : t('process.downloadCyclePdf', { n: view.cycle.number })}
        </a>
        <a
          className="button small"
          href={`${base}/export.json${cycle ? `?${cycle.slice(0, -1)}` : ''}`}
          download
        >
          {t('process.downloadJson')}
        </a>
      </div>
      {view.cycle.editable && (
        <div className="field">
          <label htmlFor={`import-${id}`}>{t('process.importLabel')}</label>
          <p className="hint" id={`import-${id}-hint`}>
            {t('process.importHint')}
          </p>
          <input
            ref={file}
            id={`import-${id}`}
            type="file"
            accept="application/json,.json"
            aria-describedby={`import-${id}-hint`}
            onChange={(e) => void read(e.target.files?.[0])}
          />
        </div>
      )}
      {importing.isPending && <p role="status">{t('process.importing')}</p>}
      {problem && <Alert kind="error">{problem}</Alert>}
      {importing.error && <Alert kind="error">{errorText(importing.error)}</Alert>}
      {importing.data && (
        <Alert kind="success">
          {importing.data.imported.length
            ? t('process.imported', { list: importing.data.imported.map(name).join(', ') })
            : t('process.importedNothing')}
          {importing.data.skipped.length > 0 &&
            ` ${t('process.importSkipped', { list: importing.data.skipped.map(name).join(', ') })}`}
        </Alert>
      )}
    </details>
  );
}
