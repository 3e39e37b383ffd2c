import { type KeyboardEvent, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Workspace } from '../../../contracts/collaborations.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLiveUpdates } from './hooks/useLiveUpdates.ts';
import { usePresence } from './hooks/usePresence.ts';
import { useCollabWords } from './labels.ts';
import { RoundBar } from './RoundBar.tsx';
import { WORKSPACE_TABS } from './tabs/index.ts';
import { TabStateProvider } from './tabs/tabState.tsx';
import { tourSeen } from './tour.ts';
import { WorkspaceTour } from './WorkspaceTour.tsx';

/** One collaboration: its stage, the current round, and the tabs of tabs/index.ts. */
export function WorkspaceView({ workspace }: { workspace: Workspace }) {
  const { t, lang, explanation, orgName } = useCollabWords(workspace);
  // What a partner just did, said politely once; the screen itself has already been brought up to date.
  const live = useLiveUpdates(workspace);
  const others = (usePresence(workspace.collaboration.id).data?.people ?? []).filter((p) => !p.you);
  const liveName = live?.organisationId ? orgName(live.organisationId) : '?';
  const liveText = live
    ? t(`live.${live.kind}`, { org: liveName === '?' ? t('live.someone') : liveName })
    : '';
  // A link can open a tab (?tab=partners): the dashboard's next steps and a new collaboration do.
  // The open tab is kept in the address, so a reload or a shared link shows the same tab.
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab = WORKSPACE_TABS.some((x) => x.id === asked) ? asked! : WORKSPACE_TABS[0].id;
  const setTab = (id: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', id);
        return next;
      },
      { replace: true },
    );
  const active = WORKSPACE_TABS.find((x) => x.id === tab) ?? WORKSPACE_TABS[0];
  const archived = Boolean(workspace.collaboration.archivedAt);
  // The tour opens by itself on the first workspace this browser shows, and again from its button.
  const [touring, setTouring] = useState(() => !tourSeen());

  // Arrow keys move between tabs, as the ARIA tabs pattern expects; Tab moves on into the panel.
  const onTabKey = (e: KeyboardEvent) => {
    const i = WORKSPACE_TABS.indexOf(active);
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!move) return;
    e.preventDefault();
    const nextTab = WORKSPACE_TABS[(i + move + WORKSPACE_TABS.length) % WORKSPACE_TABS.length]!;
    setTab(nextTab.id);
    document.getElementById(`tab-${nextTab.id}`)?.focus();
  };

  return (
    <div className="workspace">
      <header className="workspace-head">
        <h1>{workspace.collaboration.name}</h1>
        <p className="meta">{workspace.participants.map((p) => p.name).join(' · ')}</p>
        <div className="stage-line">
          <span className="badge stage-badge">
            {workspace.placement ? t(`collab.stages.${workspace.placement.stage}`) : t('collab.noStage')}
          </span>
          <details>
            <summary>{t('collab.why')}</summary>
            <p data-testid="stage-explanation">{explanation()}</p>
          </details>
          <button type="button" className="button small no-print" onClick={() => setTouring(true)}>
            {t('method.tourButton')}
          </button>
        </div>
        {archived && <Alert kind="info">{t('collab.archived')}</Alert>}
      </header>

      <p role="status" className="live-note">
        {liveText}
      </p>
      {others.length > 0 && (
        <p className="presence">
          <span className="presence-dot" aria-hidden="true" />
          {t('live.presence', { names: others.map((p) => `${p.name} (${p.organisation})`).join(', ') })}
        </p>
      )}
      <RoundBar workspace={workspace} />

      <div role="tablist" aria-label={t('collab.sections')} className="tabs" onKeyDown={onTabKey}>
        {WORKSPACE_TABS.map(({ id, labelKey, count }) => {
          const n = count?.(workspace) ?? 0;
          return (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              aria-selected={active.id === id}
              aria-controls={`panel-${id}`}
              tabIndex={active.id === id ? 0 : -1}
              className="tab"
              onClick={() => setTab(id)}
            >
              {t(labelKey)}
              {n > 0 ? ` (${n})` : ''}
            </button>
          );
        })}
      </div>
      <TabStateProvider
        onOpen={(id) => {
          setTab(id);
          // The panel changes under the person: move focus to what was opened (a topic's heading) or its tab,
          // once the new panel has rendered (the tab lives in the address, so that takes a few frames).
          let frames = 30;
          const focus = () => {
            const target = document.getElementById('topic-title');
            if (target) target.focus();
            else if (--frames > 0) requestAnimationFrame(focus);
            else document.getElementById(`tab-${id}`)?.focus();
          };
          requestAnimationFrame(focus);
        }}
      >
        <div
          role="tabpanel"
          id={`panel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
          className="tabpanel"
        >
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <active.Component workspace={workspace} />
          </Suspense>
        </div>
      </TabStateProvider>
      <span hidden>{lang}</span>
      <WorkspaceTour open={touring} onClose={() => setTouring(false)} />
    </div>
  );
}
