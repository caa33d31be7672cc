/**
 * The small Markdown subset tour text is written in: paragraphs (a blank line), list items
 * (`- `), **bold**, *emphasis* and `code`. Parsed into plain data that views render as text
 * nodes; nothing here (or there) is ever read as HTML.
 */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
}
export interface Block {
  kind: 'p' | 'li';
  spans: Span[];
}

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)/;

export function parseInline(line: string): Span[] {
  const out: Span[] = [];
  for (const part of line.split(INLINE)) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ text: part.slice(2, -2), strong: true });
    else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) out.push({ text: part.slice(1, -1), code: true });
    else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) out.push({ text: part.slice(1, -1), em: true });
    else out.push({ text: part });
  }
  return out;
}

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', spans: parseInline(para.join(' ')) });
    para = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') flush();
    else if (/^[-*] /.test(line)) {
      flush();
      blocks.push({ kind: 'li', spans: parseInline(line.slice(2)) });
    } else para.push(line);
  }
  flush();
  return blocks;
}
