/**
 * Brings the reader's highlighted sentence (or mention) into view inside the panel, not the page:
 * the title and the event card stay in sight when the sentence fits below them.
 */
export function scrollToSelected(root: HTMLElement): void {
  const target = root.querySelector<HTMLElement>('[data-selected]');
  const scroller = root.closest<HTMLElement>('[data-scroll]');
  if (!target) return;
  // A panel with nothing to scroll (short text): let the browser bring the target into view.
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight) {
    target.scrollIntoView({ block: 'center' });
    return;
  }
  const t = target.getBoundingClientRect();
  const s = scroller.getBoundingClientRect();
  const top = t.top - s.top + scroller.scrollTop;
  const bottom = t.bottom - s.top + scroller.scrollTop;
  scroller.scrollTop = bottom <= s.height - 24 ? 0 : top - s.height / 3;
}
