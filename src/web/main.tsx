import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { startI18n } from './i18n/index.ts';
import 'virtual:palette.css';
import './styles.css';
import { Layout } from './components/Layout.tsx';
import { NotificationBell } from './features/notifications/NotificationBell.tsx';
import { PAGES, pageFor } from './pages.ts';
import { meQuery } from './session/useMe.ts';

type Page = { Component: ComponentType; preload: () => Promise<unknown> };

/**
 * A page in a chunk of its own, so a visitor downloads only the pages they open. `preload` lets the first
 * page start downloading together with the language strings instead of after the first render. A page already
 * downloaded renders at once: React.lazy would suspend for a moment even then, and React holds a revealed
 * Suspense boundary back for up to 300 ms, which delays the page's own data requests.
 */
function page<M>(load: () => Promise<M>, name: keyof M): Page {
  let loading: Promise<M> | undefined;
  let loaded: ComponentType | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module[name] as ComponentType;
      return module;
    });
    return loading;
  };
  const Lazy = lazy(async () => ({ default: (await preload())[name] as ComponentType }));
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Component: Page, preload };
}

const modules = import.meta.glob<Record<string, unknown>>('./routes/*Page*.tsx');
const pages = new Map(
  PAGES.map((entry) => {
    const load = modules[`./routes/${entry.module}.tsx`];
    if (!load) throw new Error(`src/web/pages.ts names ${entry.module}, which is not in src/web/routes/`);
    return [entry, page(load, entry.name)] as const;
  }),
);

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Layout bell={<NotificationBell />}>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                {[...pages].map(([{ path }, { Component }]) => (
                  <Route key={path} path={path} element={<Component />} />
                ))}
              </Routes>
            </Suspense>
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}

const first = pageFor(window.location.pathname);
// Who is signed in is asked at once: signed-in pages wait for it before asking for their own data.
void queryClient.prefetchQuery(meQuery);
// Not a top-level await: with one, Rolldown keeps every shared module in a chunk of its own (more requests).
// A failed page download is left to the lazy page rather than blocking the whole app.
void Promise.all([
  startI18n(),
  first &&
    pages
      .get(first)
      ?.preload()
      .catch(() => undefined),
]).then(render);
