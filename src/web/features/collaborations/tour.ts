// Whether this browser has seen the workspace tour: it opens by itself only on a person's first workspace.
// The browser tests set the same key before every page (playwright.config.ts), so the tour stays out of specs
// that are about something else.
export const TOUR_SEEN_KEY = 'impact-wheel.tour-seen';

export function tourSeen(): boolean {
  try {
    return localStorage.getItem(TOUR_SEEN_KEY) !== null;
  } catch {
    // Private mode without storage: showing the tour each time would nag, so treat it as seen.
    return true;
  }
}

export function rememberTourSeen(): void {
  try {
    localStorage.setItem(TOUR_SEEN_KEY, '1');
  } catch {
    // Nothing to remember it in.
  }
}
