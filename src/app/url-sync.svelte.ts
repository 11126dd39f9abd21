/**
 * Keeps the page's URL fragment in step with the app's state (so a link reopens the same view)
 * and applies a link pasted into an open page. Writes are debounced: browsers rate-limit
 * `history.replaceState`, and playback changes the date several times a second.
 */
import type { AppState } from './app-state.svelte.ts';
import { decodeUrlState, encodeUrlState } from './lib/url-state.ts';

/** Wait (ms) after the last change before the URL is rewritten. */
const WRITE_DELAY = 200;

/** Call during component initialisation (it sets up an $effect and a listener). */
export function syncUrl(app: AppState): void {
  /** The fragment we last wrote, so our own write is not mistaken for a pasted link. */
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  $effect(() => {
    if (!app.data) return;
    const next = encodeUrlState(app.toUrlState());
    clearTimeout(timer);
    timer = setTimeout(() => {
      written = next;
      history.replaceState(null, '', `${location.pathname}${location.search}#${next}`);
    }, WRITE_DELAY);
  });

  $effect(() => {
    const onHash = () => {
      if (location.hash.slice(1) === written || !app.data) return;
      app.apply(decodeUrlState(location.hash).state, true);
    };
    addEventListener('hashchange', onHash);
    return () => {
      removeEventListener('hashchange', onHash);
      clearTimeout(timer);
    };
  });
}
