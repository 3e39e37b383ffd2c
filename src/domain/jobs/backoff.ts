/** How long a failed job waits before its next attempt: 30 s, 2 min, 8 min, 32 min, then an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 60 * 60_000);
}
