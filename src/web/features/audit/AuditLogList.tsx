import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contracts/audit.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { type AuditScope, useAuditLog } from './hooks/useAuditLog.ts';

/** A list of security events in plain sentences, with the time and, for sign-ins, the network address. */
export function AuditLogList({ scope }: { scope: AuditScope }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const log = useAuditLog(scope);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const sentence = (e: AuditEvent) =>
    t(`audit.kinds.${e.kind}`, {
      actor: e.actor?.name || t('audit.system'),
      subject: e.subject?.name || t('audit.someone'),
      role: e.detail?.role ? t(`audit.roles.${e.detail.role}`, { defaultValue: e.detail.role }) : '',
    });
  if (log.isPending) return <p role="status">{t('app.loading')}</p>;
  if (log.error) return <Alert kind="error">{errorText(log.error)}</Alert>;
  const events = log.data.pages.flatMap((p) => p.events);
  if (!events.length) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <>
      <ul className="list audit-log">
        {events.map((e) => (
          <li key={e.id} className="list-row">
            <span>{sentence(e)}</span>
            <span className="muted">
              <time dateTime={e.at}>{when(e.at)}</time>
              {e.address ? ` · ${e.address}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {log.hasNextPage && (
        <button
          type="button"
          className="button small"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {t('audit.older')}
        </button>
      )}
    </>
  );
}

/** The security log as a section of a page, with its heading and what it holds. */
export function AuditLogSection({
  scope,
  help,
  card = false,
}: {
  scope: AuditScope;
  help: string;
  card?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`security-log-${scope}`} className={card ? 'card' : undefined}>
      <h2 id={`security-log-${scope}`}>{t('audit.title')}</h2>
      <p className="hint">{help}</p>
      <AuditLogList scope={scope} />
    </section>
  );
}
