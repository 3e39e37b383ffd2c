/**
 * The invitation a person opened, so that signing up (from any button, the header's included), signing in or
 * creating an organisation leads back to it instead of losing it. Kept a day, in this browser only.
 */
const KEY = 'impact-wheel.return-to';
const KEEP_MS = 86_400_000;
const INVITATION = /^\/(invitations|partner-invitations|programme-invitations)\/[^/]+$/;

export function rememberInvitation(path: string): void {
  if (!INVITATION.test(path)) return;
  try {
    localStorage.setItem(KEY, JSON.stringify({ path, at: Date.now() }));
  } catch {
    // Private mode without storage: the ?next= parameter still carries it on the main paths.
  }
}

/** The invitation to go back to, if one was opened in the last day. */
export function pendingInvitation(): string | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { path?: unknown; at?: unknown } | null;
    if (!saved || typeof saved.path !== 'string' || typeof saved.at !== 'number') return null;
    if (Date.now() - saved.at > KEEP_MS || !INVITATION.test(saved.path)) return null;
    return saved.path;
  } catch {
    return null;
  }
}

/** Accepted or declined: nothing to go back to any more. */
export function forgetInvitation(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
