import { createContext, type ReactNode, useContext, useState } from 'react';

// Only the open tab is rendered, so state a tab holds itself is gone after a switch. What a tab should keep
// while the workspace stays open (the wheel's chosen topic and view) is kept here, one slot per key.
const Kept = createContext<Map<string, unknown> | null>(null);
const Open = createContext<(tabId: string) => void>(() => undefined);

export function TabStateProvider({
  children,
  onOpen,
}: {
  children: ReactNode;
  onOpen: (tabId: string) => void;
}) {
  const [kept] = useState(() => new Map<string, unknown>());
  return (
    <Kept value={kept}>
      <Open value={onOpen}>{children}</Open>
    </Kept>
  );
}

/** useState that survives switching tabs: the value is back when the person returns to the tab. */
export function useTabState<T>(key: string, initial: T): [T, (value: T) => void] {
  const kept = useContext(Kept);
  const [value, setValue] = useState<T>(() => (kept?.has(key) ? (kept.get(key) as T) : initial));
  const set = (next: T) => {
    kept?.set(key, next);
    setValue(next);
  };
  return [value, set];
}

/** Opens another tab with some of its kept state set first, e.g. the wheel on one topic from the agenda. */
export function useOpenTab(): (tabId: string, state?: Record<string, unknown>) => void {
  const kept = useContext(Kept);
  const open = useContext(Open);
  return (tabId, state = {}) => {
    for (const [key, value] of Object.entries(state)) kept?.set(key, value);
    open(tabId);
  };
}
