import { useState, type KeyboardEvent } from 'react';

const nextIndex: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(index + 1, last),
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * One Tab stop for a group of buttons; the arrow keys (and Home/End) move between them. `keys` are the
 * enabled buttons in order; `current` is the one to land on (the selected one) when focus enters the group.
 * Each button carries `data-roving-key`.
 */
export function useRovingFocus(keys: readonly string[], current: string | null) {
  const [active, setActive] = useState<string | null>(null);
  const focusKey =
    active !== null && keys.includes(active) ? active : current !== null && keys.includes(current) ? current : (keys[0] ?? null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const move = nextIndex[event.key];
    const key = (event.target as HTMLElement).dataset.rovingKey;
    if (!move || key === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = keys.indexOf(key);
    if (index < 0) return;
    const target = keys[move(index, keys.length - 1)];
    if (target === undefined) return;
    event.preventDefault();
    setActive(target);
    event.currentTarget.querySelector<HTMLElement>(`[data-roving-key="${CSS.escape(target)}"]`)?.focus();
  }

  return {
    onKeyDown,
    itemProps: (key: string) => ({
      'data-roving-key': key,
      tabIndex: key === focusKey ? 0 : -1,
      onFocus: () => setActive(key),
    }),
  };
}
