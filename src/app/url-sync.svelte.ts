/**
 * Keeps the page's URL fragment in step with the app's state (so a link reopens the same view)
 * and applies a link pasted into an open page. Writes are debounced: browsers rate-limit
 * `history.replaceState`, and playback changes the date several times a second. Opening the
 * reader pushes a history entry, so the browser's Back closes the reader (and only that: a date
 * stepped while reading stays); moving between the app's own entries changes only what is open.
 */
import type { AppState } from './app-state.svelte.ts';
import { decodeUrlState, encodeUrlState, type Selection } from './lib/url-state.ts';

/** Wait (ms) after the last change before the URL is rewritten. */
const WRITE_DELAY = 200;

/** What the app keeps in `history.state`: its own entries, and whether the reader pushed this one. */
interface EntryState {
  app: true;
  reader: boolean;
}

const key = (s: Selection | null) => (s ? `${s.kind}:${s.id}` : '');

/** Call during component initialisation (it sets up $effects and a listener). */
export function syncUrl(app: AppState): void {
  /** The fragment we last wrote, so our own write is not mistaken for a pasted link. */
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The open selection's key, or null before the first write (a link that opens the reader pushes nothing). */
  let shown: string | null = null;
  const url = (fragment: string) => `${location.pathname}${location.search}#${fragment}`;
  const entry = (): EntryState => ({ app: true, reader: !!(history.state as EntryState | null)?.reader });

  app.historyClose = () => {
    if (!(history.state as EntryState | null)?.reader) return false;
    history.back();
    return true;
  };

  /** Rewrites the current entry with the state, after the delay (reader flag kept while it is open). */
  const schedule = (next: string, open: boolean) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      written = next;
      history.replaceState({ app: true, reader: open && entry().reader } satisfies EntryState, '', url(next));
    }, WRITE_DELAY);
  };

  $effect(() => {
    if (!app.data) return;
    const next = encodeUrlState(app.toUrlState());
    const sel = key(app.selection);
    clearTimeout(timer);
    if (sel && shown === '') {
      // The reader opens: a new entry, at once, so Back returns to the list.
      shown = sel;
      written = next;
      history.pushState({ app: true, reader: true } satisfies EntryState, '', url(next));
      return;
    }
    shown = sel;
    schedule(next, !!sel);
  });

  $effect(() => {
    const onHash = () => {
      if (!app.data) return;
      // A write still pending belongs to the entry we left.
      clearTimeout(timer);
      const { state } = decodeUrlState(location.hash);
      if ((history.state as EntryState | null)?.app) {
        // Back or Forward between the app's own entries: open or close the reader, nothing else.
        shown = key(state.selection);
        app.select(state.selection);
        schedule(encodeUrlState(app.toUrlState()), !!state.selection);
      } else if (location.hash.slice(1) !== written) app.apply(state, true);
    };
    addEventListener('hashchange', onHash);
    return () => {
      removeEventListener('hashchange', onHash);
      clearTimeout(timer);
    };
  });
}
