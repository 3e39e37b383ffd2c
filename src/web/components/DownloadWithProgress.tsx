import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Alert } from './Alert.tsx';
import { useErrorText } from './errors.ts';

type State = { kind: 'idle' } | { kind: 'busy'; received: number; total: number | null } | { kind: 'done' };

/**
 * Downloads a file the API builds (an export can take a while) with a progress bar, then hands it to the
 * browser to save. A refusal shows the API's error in the reader's language.
 */
export function DownloadWithProgress({ url, label, help }: { url: string; label: string; help: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);

  async function download() {
    setError(null);
    setState({ kind: 'busy', received: 0, total: null });
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as {
          error?: { code?: string; message?: string };
        };
        throw new ApiError(
          response.status,
          body.error?.code ?? 'unknown',
          body.error?.message ?? response.statusText,
        );
      }
      const total = Number(response.headers.get('content-length')) || null;
      const reader = response.body!.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setState({ kind: 'busy', received, total });
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.zip';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('content-type') ?? '' }));
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setState({ kind: 'done' });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)));
      setState({ kind: 'idle' });
    }
  }

  return (
    <div className="download">
      <p className="hint" id="download-help">
        {help}
      </p>
      <button
        type="button"
        className="button"
        aria-describedby="download-help"
        onClick={() => void download()}
        disabled={state.kind === 'busy'}
      >
        {label}
      </button>
      {state.kind === 'busy' && (
        <p role="status">
          {state.total ? (
            <progress value={state.received} max={state.total} aria-label={t('download.progress')} />
          ) : (
            <progress aria-label={t('download.progress')} />
          )}{' '}
          {state.total
            ? t('download.percent', { percent: Math.round((100 * state.received) / state.total) })
            : t('download.preparing')}
        </p>
      )}
      {state.kind === 'done' && <Alert kind="success">{t('download.done')}</Alert>}
      {error !== null && <Alert kind="error">{errorText(error)}</Alert>}
    </div>
  );
}
