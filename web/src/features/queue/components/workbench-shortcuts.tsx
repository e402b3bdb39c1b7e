import { useEffect, useEffectEvent } from 'react';
import { tq } from '../../../locales/queue.zh-CN.ts';

/**
 * The counter's keyboard: function keys, as on the counter terminals clerks already know. They
 * work wherever the focus is; an action given as null (not possible now) ignores its key.
 */
export const SHORTCUTS = { call: 'F2', recall: 'F3', start: 'F4', finish: 'F8', transfer: 'F9' } as const;
export type ShortcutAction = keyof typeof SHORTCUTS;

export function useWorkbenchShortcuts(actions: Partial<Record<ShortcutAction, (() => void) | null>>): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const action = (Object.keys(SHORTCUTS) as ShortcutAction[]).find((a) => SHORTCUTS[a] === event.key);
    const run = action ? actions[action] : null;
    if (!run) return;
    event.preventDefault();
    run();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** The key shown on a button, and announced to screen readers through `aria-keyshortcuts`. */
export function ShortcutHint({ action }: { action: ShortcutAction }) {
  return (
    <kbd aria-hidden style={{ marginLeft: 6, fontSize: '0.85em', fontFamily: 'inherit' }} title={tq.workbench.shortcut(SHORTCUTS[action])}>
      {SHORTCUTS[action]}
    </kbd>
  );
}
