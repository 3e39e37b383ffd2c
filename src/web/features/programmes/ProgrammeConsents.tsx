import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useMyProgrammes } from './hooks/useMyProgrammes.ts';
import { useSetConsent } from './hooks/useSetConsent.ts';

/** The programmes of the acting organisation, with consent to share that an admin gives or withdraws. */
export function ProgrammeConsents() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useMyProgrammes();
  const toggle = useSetConsent();
  return (
    <section aria-labelledby="my-programmes" className="card">
      <h2 id="my-programmes">{t('programme.yourProgrammes')}</h2>
      {toggle.error && <Alert kind="error">{errorText(toggle.error)}</Alert>}
      {list.data?.programmes.length === 0 && <p className="muted">{t('programme.noProgrammes')}</p>}
      {list.data?.programmes.map((p) => (
        <label key={p.id} className="radio">
          <input
            type="checkbox"
            checked={p.consent}
            onChange={(e) => toggle.mutate({ id: p.id, consent: e.target.checked })}
          />
          {t('programme.consentLabel', { name: p.name })}
        </label>
      ))}
      {(list.data?.programmes.length ?? 0) > 0 && <p className="hint">{t('programme.consentHelp')}</p>}
    </section>
  );
}
