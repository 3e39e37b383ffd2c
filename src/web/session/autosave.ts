import { useSyncExternalStore } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * Saves what people type as they type it (issue 10, point 4): each change waits a moment for the next, then is
 * sent; a lost connection or a server hiccup is retried with back-off until it goes through; a refusal (4xx) is
 * shown and kept. Entries live outside React, so a save carries on when the person moves to another topic, and
 * the page warns before it is closed while anything is still unsaved.
 */
export type AutosaveStatus = 'idle' | 'waiting' | 'saving' | 'retrying' | 'rejected' | 'saved';

type Entry = {
  value: unknown;
  run: (value: unknown) => Promise<unknown>;
  status: AutosaveStatus;
  error: unknown;
  attempt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves when the value on screen has been saved, for "submit" that must not outrun a save. */
  settled: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
};

export const AUTOSAVE_DELAY_MS = 700;
const MAX_RETRY_MS = 30_000;

const entries = new Map<string, Entry>();
/** Keys that finished saving, so the form can say "opgeslagen" after its entry is gone. */
const saved = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

function retryable(error: unknown): boolean {
  // No answer at all (offline, connection dropped) or the server failing: try again. A 4xx will not change.
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const settled = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting; an unhandled rejection would only be noise.
  settled.catch(() => undefined);
  return { settled, resolve, reject };
}

async function send(key: string, entry: Entry): Promise<void> {
  clearTimeout(entry.timer);
  entry.timer = undefined;
  const value = entry.value;
  entry.status = 'saving';
  notify();
  try {
    await entry.run(value);
  } catch (error) {
    if (entries.get(key) !== entry) return;
    entry.error = error;
    if (entry.value !== value) return void send(key, entry);
    if (retryable(error)) {
      entry.status = 'retrying';
      entry.attempt++;
      entry.timer = setTimeout(
        () => void send(key, entry),
        Math.min(MAX_RETRY_MS, 1000 * 2 ** entry.attempt),
      );
    } else {
      entry.status = 'rejected';
      entry.reject(error);
    }
    notify();
    return;
  }
  if (entries.get(key) !== entry) return;
  // Typed on while it was saving: send the newer value too.
  if (entry.value !== value) return void send(key, entry);
  entries.delete(key);
  saved.add(key);
  entry.resolve();
  notify();
}

/** Queues `value` to be saved by `run` under `key`, after a short pause for more typing. */
export function queueSave<T>(key: string, value: T, run: (value: T) => Promise<unknown>): void {
  let entry = entries.get(key);
  if (!entry || entry.status === 'rejected') {
    const d = deferred();
    entry = {
      value,
      run: run as Entry['run'],
      status: 'waiting',
      error: null,
      attempt: 0,
      timer: undefined,
      ...d,
    };
    entries.set(key, entry);
  }
  entry.value = value;
  entry.run = run as Entry['run'];
  saved.delete(key);
  if (entry.status === 'saving') {
    notify();
    return;
  }
  entry.status = entry.status === 'retrying' ? 'retrying' : 'waiting';
  clearTimeout(entry.timer);
  const current = entry;
  entry.timer = setTimeout(() => void send(key, current), AUTOSAVE_DELAY_MS);
  notify();
}

/** Sends everything waiting now and resolves once all of it is saved; rejects if anything was refused. */
export async function flushAll(prefix = ''): Promise<void> {
  const pending = [...entries].filter(([key]) => key.startsWith(prefix));
  for (const [key, entry] of pending)
    if (entry.status === 'waiting' || entry.status === 'retrying') void send(key, entry);
  await Promise.all(pending.map(([, entry]) => entry.settled));
}

/** The value still on its way to the server, so a form opened again shows it rather than the older saved one. */
export function unsavedValue<T>(key: string): T | undefined {
  return entries.get(key)?.value as T | undefined;
}

export function hasUnsaved(): boolean {
  return entries.size > 0;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The save state of one key, for the "opgeslagen" note beside a form. */
export function useAutosaveStatus(key: string): { status: AutosaveStatus; error: unknown } {
  useSyncExternalStore(subscribe, () => version);
  const entry = entries.get(key);
  if (entry)
    return {
      status: entry.status,
      error: entry.status === 'rejected' || entry.status === 'retrying' ? entry.error : null,
    };
  return { status: saved.has(key) ? 'saved' : 'idle', error: null };
}

if (typeof window !== 'undefined') {
  // Back online: send what waits now rather than at the next back-off step.
  window.addEventListener('online', () => void flushAll().catch(() => undefined));
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return;
    // Browsers show their own words; this only asks them to ask.
    event.preventDefault();
    event.returnValue = '';
  });
}
