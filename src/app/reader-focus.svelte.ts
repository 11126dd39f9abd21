/**
 * Keyboard around the reader: Escape closes it, focus moves to its title when it opens and goes
 * back to what opened it when it closes — the same list row (found again by its event id, as the
 * list is drawn anew) or the map.
 */
import { tick } from 'svelte';
import type { AppState } from './app-state.svelte.ts';

/** Call during component initialisation (it sets up an $effect and a listener). */
export function readerFocus(app: AppState): void {
  let opener: HTMLElement | null = null;
  let openId: string | null = null;

  $effect(() => {
    const sel = app.selection;
    if (sel && openId === null) {
      const active = document.activeElement;
      opener = active instanceof HTMLElement && active !== document.body ? active : null;
      openId = sel.id;
      void tick().then(() => document.getElementById('reader-title')?.focus({ preventScroll: true }));
    } else if (sel) openId = sel.id;
    else if (openId !== null) {
      const id = openId;
      const back = opener;
      openId = opener = null;
      void tick().then(() => {
        const row = document.querySelector<HTMLElement>(`button.row[data-event-id="${CSS.escape(id)}"]`);
        const target = back?.isConnected && !back.closest('[data-testid="reader"]') ? back : (row ?? document.querySelector<HTMLElement>('.maplibregl-canvas'));
        target?.focus({ preventScroll: true });
      });
    }
  });

  $effect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !app.selection) return;
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
      e.preventDefault();
      app.closeReader();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
}
