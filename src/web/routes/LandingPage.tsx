import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { WheelPicture } from '../components/WheelPicture.tsx';
import { useMe } from '../session/useMe.ts';

export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data) return <Navigate to="/dashboard" replace />;
  return (
    <div className="landing">
      <section className="hero">
        <div className="hero-text">
          <h1>{t('landing.title')}</h1>
          <p className="lead">{t('landing.lead')}</p>
          <p className="actions">
            <Link className="button primary" to="/sign-up">
              {t('landing.start')}
            </Link>
            <Link className="button" to="/sign-in">
              {t('landing.signIn')}
            </Link>
          </p>
        </div>
        <figure className="hero-wheel">
          <WheelPicture />
          <figcaption>{t('landing.wheelCaption')}</figcaption>
        </figure>
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{t('landing.howTitle')}</h2>
        <ol className="steps">
          {(['1', '2', '3'] as const).map((n) => (
            <li key={n}>
              <h3>{t(`landing.step${n}Title`)}</h3>
              <p>{t(`landing.step${n}`)}</p>
            </li>
          ))}
        </ol>
        <p>
          <Link to="/method">{t('method.landingLink')}</Link>
        </p>
      </section>
    </div>
  );
}
