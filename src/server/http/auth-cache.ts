import type { AuthContext } from './auth-context.ts';

/**
 * A short-lived cache of resolved sessions and tokens, so a signed-in read costs one query, not two.
 * Every change to a user's sessions, memberships or roles forgets that user here at once; another app server
 * sees such a change within the time-to-live (docs/decisions/0005-short-session-cache.md).
 */
export class AuthCache {
  private readonly entries = new Map<string, { context: AuthContext; expires: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string): AuthContext | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.context;
  }

  set(key: string, context: AuthContext): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { context, expires: Date.now() + this.ttlMs });
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.context.userId === userId) this.entries.delete(key);
  }
}
