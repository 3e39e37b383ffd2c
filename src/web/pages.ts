// The pages of the web client: URL pattern, module under src/web/routes/ and its export, and the API reads
// it starts with. One list for main.tsx (which loads each page's module lazily), vite.config.ts (which writes
// each page's chunks and reads into the build, so the server can announce them with the HTML: the browser
// then fetches them beside the main script instead of one after another) and scripts/bundle-budget.ts.

export type PageEntry = {
  /** React Router pattern. */
  path: string;
  /** File name under src/web/routes/, without .tsx. */
  module: string;
  /** The component's export name. */
  name: string;
  /** API paths the page reads as it opens, with the pattern's `:params`; exactly as the page asks for them. */
  data?: string[];
};

/** Read before any page renders (main.tsx asks who is signed in). */
export const BOOT_DATA = ['/api/v1/me'];

export const PAGES: readonly PageEntry[] = [
  { path: '/', module: 'LandingPage', name: 'LandingPage' },
  { path: '/method', module: 'MethodPage', name: 'MethodPage' },
  { path: '/sign-up', module: 'AuthPages', name: 'SignUpPage' },
  { path: '/sign-up/confirm/:token', module: 'AuthPages', name: 'ConfirmSignUpPage' },
  { path: '/sign-in', module: 'AuthPages', name: 'SignInPage' },
  { path: '/password-reset', module: 'AuthPages', name: 'PasswordResetRequestPage' },
  { path: '/password-reset/:token', module: 'AuthPages', name: 'PasswordResetPage' },
  { path: '/dashboard', module: 'DashboardPage', name: 'DashboardPage', data: ['/api/v1/collaborations'] },
  { path: '/organisations/new', module: 'OrganisationPages', name: 'NewOrganisationPage' },
  { path: '/organisation', module: 'OrganisationPages', name: 'OrganisationPage' },
  { path: '/organisation/members', module: 'MembersPage', name: 'MembersPage' },
  { path: '/account', module: 'AccountPage', name: 'AccountPage' },
  { path: '/invitations/:token', module: 'InvitationPage', name: 'InvitationPage' },
  { path: '/admin', module: 'AdminPage', name: 'AdminPage' },
  { path: '/notifications', module: 'NotificationsPage', name: 'NotificationsPage' },
  { path: '/unsubscribe', module: 'NotificationsPage', name: 'UnsubscribePage' },
  { path: '/programmes', module: 'ProgrammePages', name: 'ProgrammesPage' },
  {
    path: '/programmes/:id',
    module: 'ProgrammePages',
    name: 'ProgrammePage',
    data: ['/api/v1/programmes/:id', '/api/v1/programmes/:id/cohort'],
  },
  { path: '/programme-invitations/:token', module: 'ProgrammePages', name: 'ProgrammeInvitationPage' },
  { path: '/collaborations/new', module: 'CollaborationPages', name: 'NewCollaborationPage' },
  {
    path: '/collaborations/:id',
    module: 'CollaborationPages',
    name: 'CollaborationPage',
    data: ['/api/v1/collaborations/:id'],
  },
  { path: '/partner-invitations/:token', module: 'CollaborationPages', name: 'PartnerInvitationPage' },
  { path: '*', module: 'NotFoundPage', name: 'NotFoundPage' },
];

/**
 * The values of a pattern's `:params` in a URL path (`/collaborations/:id` and `/collaborations/abc` give
 * `{ ":id": "abc" }`), or undefined when the path does not fit. `*` fits every path. Fixed segments compare
 * case-insensitively, as React Router does. Used by the web client and by the server's preload hints.
 */
export function matchPattern(pattern: string, pathname: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  if (pattern === '*') return params;
  const parts = (pathname.split('?')[0] ?? '').split('/').filter(Boolean);
  const segments = pattern.split('/').filter(Boolean);
  if (segments.length !== parts.length) return undefined;
  for (const [i, segment] of segments.entries()) {
    if (segment.startsWith(':')) params.set(segment, parts[i]!);
    else if (segment !== parts[i]!.toLowerCase()) return undefined;
  }
  return params;
}

/**
 * The page a URL path shows: the first entry whose pattern matches (React Router ranks `/collaborations/new`
 * above `/collaborations/:id` the same way, as the list puts it first).
 */
export function pageFor(pathname: string): PageEntry | undefined {
  return PAGES.find((page) => matchPattern(page.path, pathname));
}
