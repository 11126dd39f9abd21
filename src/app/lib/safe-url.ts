/**
 * Article URLs come from the articles themselves (untrusted): only http(s) links are rendered as
 * links, so a `javascript:` or `data:` URL can never run when clicked.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
