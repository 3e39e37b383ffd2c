// The landing page rendered to HTML at build time, once per language (src/server/web-prerender.ts): a first
// visitor reads it without downloading React, the router or the strings, and signs up with the full app.
// The same components render it as the app does when someone navigates to "/" inside the app.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { StaticRouter } from 'react-router';
import type { Catalogue } from '../../domain/i18n/translate.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { Layout } from '../components/Layout.tsx';
import { LandingPage } from '../routes/LandingPage.tsx';

/** The markup inside #root of the landing page in one language, as a signed-out visitor sees it. */
export function renderLanding(lang: Locale, strings: Catalogue): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources: { [lang]: { translation: strings } },
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient()}>
        <StaticRouter location="/">
          <Layout>
            <LandingPage />
          </Layout>
        </StaticRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
