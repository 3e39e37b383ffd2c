import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { type Language, setLanguage } from '../i18n/index.ts';
import { useMe } from '../session/useMe.ts';
import { useSignOut } from '../session/useSignOut.ts';

/** `bell`: shown to a signed-in person beside the account link (the notifications feature passes it in). */
export function Layout({ children, bell }: { children: ReactNode; bell?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const other: Language = i18n.language === 'en' ? 'nl' : 'en';

  // Move focus to the page on navigation, so keyboard and screen-reader users start at the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation on purpose
  useEffect(() => {
    mainRef.current?.focus();
  }, [location.pathname]);

  const signOut = useSignOut({ onSettled: () => navigate('/') });

  const user = me.data;
  const active = user?.memberships.find((m) => m.organisationId === user.activeOrganisationId);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to={user ? '/dashboard' : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              {user ? (
                <>
                  <li>
                    <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
                  </li>
                  {active && (
                    <>
                      <li>
                        <NavLink to="/organisation" end>
                          {t('nav.organisation')}
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/organisation/members">{t('nav.members')}</NavLink>
                      </li>
                    </>
                  )}
                  {bell && <li>{bell}</li>}
                  <li>
                    <NavLink to="/account">{t('nav.account')}</NavLink>
                  </li>
                  {user.user.platformRoles.includes('facilitator') && (
                    <li>
                      <NavLink to="/programmes">{t('nav.programmes')}</NavLink>
                    </li>
                  )}
                  {user.user.platformRoles.includes('platform_admin') && (
                    <li>
                      <NavLink to="/admin">{t('nav.admin')}</NavLink>
                    </li>
                  )}
                  <li>
                    <button type="button" className="link-button" onClick={() => signOut.mutate()}>
                      {t('nav.signOut')}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
                  </li>
                </>
              )}
              <li>
                <button
                  type="button"
                  className="lang-switch"
                  lang={other}
                  aria-label={t('app.switchToLabel')}
                  onClick={() => setLanguage(other)}
                >
                  {t('app.switchTo')}
                </button>
              </li>
            </ul>
          </nav>
        </div>
        {active && (
          <p className="acting-for">
            {t('nav.actingFor')} <strong>{active.name}</strong>
          </p>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('landing.research')}</p>
      </footer>
    </>
  );
}
