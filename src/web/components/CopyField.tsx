import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value (a link or a secret) with a button that copies it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} data-testid="copy-value" />
      <button
        type="button"
        className="button small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? t('members.copied') : label}
      </button>
    </div>
  );
}
