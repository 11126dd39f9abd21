/**
 * Reads the light markup an article's text may carry (Markdown headings, lists, quotes,
 * emphasis, code and links, and the few inline HTML tags left in pasted text: `<a>`, `<b>`,
 * `<i>`…) so the reader can show it as formatted text. Nothing is parsed as HTML and the text is
 * never changed: the result is spans over the text as given — blocks, the syntax characters to
 * leave out, and the runs to style — so every offset (sentences, mentions) still points at the
 * same characters. Tags outside the short list (`<script>`, `<img>`) are left as text.
 */
import type { Span } from '../../core/model.ts';

export type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'quote' | 'rule';

/** A block of text: a paragraph, a heading, a list item, a quote or a rule. */
export interface MarkupBlock extends Span {
  kind: BlockKind;
}

export type InlineKind = 'strong' | 'em' | 'code' | 'link';

/** A styled run; links carry their target as written (never followed by the reader). */
export interface InlineStyle extends Span {
  kind: InlineKind;
  href?: string;
}

export interface Markup {
  blocks: MarkupBlock[];
  /** Syntax characters (`# `, `**`, `](url)`, `<b>`) the reader leaves out. */
  hidden: Span[];
  styles: InlineStyle[];
}

/** Inline HTML tags read as formatting; any other tag stays literal text. */
const TAG_STYLES: Record<string, InlineKind | null> = {
  a: 'link',
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  code: 'code',
  u: null,
  span: null,
  small: null,
  sup: null,
  sub: null,
  mark: null,
};
/** Masks consumed characters in the working copy so later rules cannot match them again. */
const MASK = '\u0000';

/** Splits `text` into blocks and finds the markup inside each; offsets index `text`. */
export function parseMarkup(text: string): Markup {
  const out: Markup = { blocks: [], hidden: [], styles: [] };
  let para: MarkupBlock | null = null;
  const close = () => {
    if (para) out.blocks.push(para);
    para = null;
  };
  for (const line of lines(text)) {
    const body = text.slice(line.start, line.end);
    if (!body.trim()) {
      close();
      continue;
    }
    const lead = body.length - body.trimStart().length;
    const start = line.start + lead;
    const end = line.start + body.trimEnd().length;
    const heading = /^(#{1,6})[ \t]+/.exec(body.slice(lead));
    const item = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/.exec(body.slice(lead));
    const quote = /^>[ \t]?/.exec(body.slice(lead));
    if (/^([-*_])([ \t]*\1){2,}$/.test(body.trim())) {
      close();
      out.blocks.push({ start, end, kind: 'rule' });
      out.hidden.push({ start, end });
    } else if (heading || item || quote) {
      close();
      const marker = (heading ?? item ?? quote)![0].length;
      out.hidden.push({ start, end: start + marker });
      let contentEnd = end;
      if (heading) {
        const closing = /[ \t]+#+$/.exec(body.trimEnd());
        if (closing) {
          contentEnd = end - closing[0].length;
          out.hidden.push({ start: contentEnd, end });
        }
      }
      const kind: BlockKind = heading ? (`h${heading[1].length}` as BlockKind) : item ? 'li' : 'quote';
      out.blocks.push({ start, end, kind });
      inline(text, start + marker, contentEnd, out);
    } else if (para) {
      inline(text, start, end, out);
      para.end = end;
    } else {
      para = { start, end, kind: 'p' };
      inline(text, start, end, out);
    }
  }
  close();
  out.hidden.sort((a, b) => a.start - b.start);
  out.styles.sort((a, b) => a.start - b.start);
  return out;
}

/** The text of `[start, end)` with its markup left out (for one-line uses: list rows, notes). */
export function plainText(text: string, span: Span = { start: 0, end: text.length }): string {
  const part = text.slice(span.start, span.end);
  const { hidden } = parseMarkup(part);
  let s = '';
  let at = 0;
  for (const h of hidden) {
    if (h.start > at) s += part.slice(at, h.start);
    at = Math.max(at, h.end);
  }
  return (s + part.slice(at)).replace(/\s+/g, ' ').trim();
}

function* lines(text: string): Generator<Span> {
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    yield { start, end: end > start && text[end - 1] === '\r' ? end - 1 : end };
    if (nl < 0) return;
    start = nl + 1;
  }
}

/** Finds inline markup in `[from, to)`, in precedence order: escapes, code, links, tags, strong, em. */
function inline(text: string, from: number, to: number, out: Markup): void {
  let work = text.slice(from, to);
  const hide = (a: number, b: number) => {
    out.hidden.push({ start: from + a, end: from + b });
    work = work.slice(0, a) + MASK.repeat(b - a) + work.slice(b);
  };
  const style = (a: number, b: number, kind: InlineKind, href?: string) =>
    out.styles.push(href === undefined ? { start: from + a, end: from + b, kind } : { start: from + a, end: from + b, kind, href });
  const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of [...work.matchAll(re)]) f(m as RegExpExecArray);
  };

  each(/\\([\\`*_[\]()#+\-.!>])/g, (m) => {
    hide(m.index, m.index + 1);
    work = work.slice(0, m.index + 1) + MASK + work.slice(m.index + 2);
  });
  each(/(`+)([^`\n]+?)\1/g, (m) => {
    const n = m[1].length;
    style(m.index + n, m.index + m[0].length - n, 'code');
    hide(m.index, m.index + n);
    hide(m.index + m[0].length - n, m.index + m[0].length);
    work = work.slice(0, m.index + n) + MASK.repeat(m[2].length) + work.slice(m.index + n + m[2].length);
  });
  each(/(!?)\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"\n]*")?\)/g, (m) => {
    const open = m.index + m[1].length + 1;
    const close = open + m[2].length;
    if (m[2]) style(open, close, 'link', m[3]);
    hide(m.index, open);
    hide(close, m.index + m[0].length);
  });
  const stack: Array<{ name: string; end: number; href?: string }> = [];
  each(/<(\/?)([a-z]+)\b([^<>]*)>/gi, (m) => {
    const name = m[2].toLowerCase();
    if (!(name in TAG_STYLES) && name !== 'br') return;
    hide(m.index, m.index + m[0].length);
    if (name === 'br' || m[3].trimEnd().endsWith('/')) return;
    if (!m[1]) {
      const href = name === 'a' ? (/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[3]) ?? []).slice(1).find((h) => h !== undefined) ?? '' : undefined;
      stack.push({ name, end: m.index + m[0].length, href });
      return;
    }
    const i = stack.map((s) => s.name).lastIndexOf(name);
    if (i < 0) return;
    const open = stack.splice(i)[0];
    const kind = TAG_STYLES[name];
    if (kind && m.index > open.end) style(open.end, m.index, kind, kind === 'link' ? open.href : undefined);
  });
  for (const [re, kind] of [
    [/\*\*(?=[^\s*])([\s\S]*?[^\s*\\])\*\*/g, 'strong'],
    [/(?<![\w_])__(?=[^\s_])([\s\S]*?[^\s_\\])__(?![\w_])/g, 'strong'],
    [/\*(?=[^\s*])([^*]*?[^\s*\\])?\*/g, 'em'],
    [/(?<![\w_])_(?=[^\s_])([^_]*?[^\s_\\])?_(?![\w_])/g, 'em'],
  ] as const) {
    each(re, (m) => {
      const n = kind === 'strong' ? 2 : 1;
      style(m.index + n, m.index + m[0].length - n, kind);
      hide(m.index, m.index + n);
      hide(m.index + m[0].length - n, m.index + m[0].length);
    });
  }
}
