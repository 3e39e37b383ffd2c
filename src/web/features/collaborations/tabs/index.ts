import { type ComponentType, lazy } from 'react';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import type { MessageKey } from '../../../../domain/i18n/translate.ts';
import { ActionsTab } from './ActionsTab.tsx';
import { AgendaTab } from './AgendaTab.tsx';
import { AgreementsTab } from './AgreementsTab.tsx';
import { PartnersTab } from './PartnersTab.tsx';
import { RoundsTab } from './RoundsTab.tsx';
import { WheelTab } from './WheelTab.tsx';

// The self-assessment (with its statements) is seldom the first thing opened: it loads when its tab is.
const AssessmentTab = lazy(() => import('./AssessmentTab.tsx').then((m) => ({ default: m.AssessmentTab })));
// So is the partnering process, with its forms for every deliverable.
const ProcessTab = lazy(() =>
  import('../../process/ProcessTab.tsx').then((m) => ({ default: m.ProcessTab })),
);

const LedgerTab = lazy(() => import('../../ledger/LedgerTab.tsx').then((m) => ({ default: m.LedgerTab })));

export type WorkspaceTab = {
  /** Names the tab and its panel in the page (ids tab-… and panel-…). */
  id: string;
  /** The tab's name: a key in the i18n files. */
  labelKey: MessageKey;
  /** A number shown after the name, such as the agenda's length; nothing when it is 0. */
  count?: (workspace: Workspace) => number;
  Component: ComponentType<{ workspace: Workspace }>;
};

/** The workspace's tabs, in the order shown; the first opens first. A new tab is one file and one line here. */
export const WORKSPACE_TABS: readonly [WorkspaceTab, ...WorkspaceTab[]] = [
  { id: 'wheel', labelKey: 'collab.wheel', Component: WheelTab },
  { id: 'agenda', labelKey: 'collab.agenda', count: (w) => w.agenda.length, Component: AgendaTab },
  {
    id: 'agreements',
    labelKey: 'collab.agreementsTab',
    count: (w) => w.agreements.length,
    Component: AgreementsTab,
  },
  { id: 'actions', labelKey: 'collab.actions', Component: ActionsTab },
  { id: 'assessment', labelKey: 'collab.assessment', Component: AssessmentTab },
  { id: 'process', labelKey: 'collab.processTab', Component: ProcessTab },
  { id: 'ledger', labelKey: 'collab.ledgerTab', Component: LedgerTab },
  { id: 'rounds', labelKey: 'collab.rounds', Component: RoundsTab },
  { id: 'partners', labelKey: 'collab.partners', Component: PartnersTab },
];
