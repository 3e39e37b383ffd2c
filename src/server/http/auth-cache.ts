import type { AuthContext } from './auth-context.ts';

/** Longer than any read of a session takes: a read that started before a forget has ended by then. */
const RACE_WINDOW_MS = 10_000;

/** Tells the other app servers on the same database to forget a user; resolves once it has been sent out. */
export type ForgetBroadcast = (userId: string) => Promise<void>;

/**
 * A short-lived cache of resolved sessions and tokens, so a signed-in read costs one query, not two.
 * Every change to a user's sessions, memberships or roles forgets that user here at once, and through the
 * broadcast on every other app server before the change's answer is sent (docs/decisions/0005). While the
 * broadcast is down, nothing is cached: a server that could miss a revocation must not remember anyone.
 */
export class AuthCache {
  private readonly entries = new Map<string, { context: AuthContext; expires: number }>();
  private broadcast: ForgetBroadcast | undefined;
  private suspended = false;
  private readonly pending = new Set<Promise<void>>();
  /** When each user was last forgotten, and when caching last resumed: see `set`. */
  private readonly forgottenAt = new Map<string, number>();
  private resumedAt = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string): AuthContext | undefined {
    if (this.suspended) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.context;
  }

  /**
   * Remembers a context just read from the database. A read that was under way while the user was forgotten
   * (or while caching was off) may hold what was just revoked, so for a while after either nothing is cached
   * for them: the next request reads the database again.
   */
  set(key: string, context: AuthContext): void {
    if (this.ttlMs <= 0 || this.suspended) return;
    const now = Date.now();
    const forgotten = this.forgottenAt.get(context.userId);
    if (
      now - this.resumedAt < RACE_WINDOW_MS ||
      (forgotten !== undefined && now - forgotten < RACE_WINDOW_MS)
    )
      return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { context, expires: Date.now() + this.ttlMs });
  }

  /** Forgets the user here and, when broadcasting, on the other servers; `settled()` waits for the latter. */
  forgetUser(userId: string): void {
    this.forgetLocally(userId);
    if (!this.broadcast) return;
    const sent = this.broadcast(userId).catch(() => undefined);
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  /** A forget that another server broadcast. */
  forgetLocally(userId: string): void {
    const now = Date.now();
    if (this.forgottenAt.size >= this.maxEntries)
      for (const [id, at] of this.forgottenAt) if (now - at >= RACE_WINDOW_MS) this.forgottenAt.delete(id);
    this.forgottenAt.set(userId, now);
    for (const [key, entry] of this.entries) if (entry.context.userId === userId) this.entries.delete(key);
  }

  /** Resolves once every forget broadcast so far has gone out: an answer waits for it before it is sent. */
  async settled(): Promise<void> {
    if (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Connects the broadcast; until `resume()` nothing is cached. */
  connectBroadcast(broadcast: ForgetBroadcast): void {
    this.broadcast = broadcast;
    this.suspend();
  }

  /** The broadcast is down: this server might miss a revocation, so it stops caching and drops what it has. */
  suspend(): void {
    this.suspended = true;
    this.entries.clear();
  }

  resume(): void {
    this.entries.clear();
    this.suspended = false;
    this.resumedAt = Date.now();
  }
}
