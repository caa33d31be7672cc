/** Tour text: the Markdown subset (scenario/tour/markdown.ts) rendered as text nodes only. */
import { parseMarkdown, type Span } from '../../scenario/tour/markdown';

function SpanText({ s }: { s: Span }) {
  if (s.code) return <code>{s.text}</code>;
  if (s.strong) return <strong>{s.text}</strong>;
  if (s.em) return <em>{s.text}</em>;
  return <>{s.text}</>;
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = parseMarkdown(text);
  const out: React.ReactNode[] = [];
  let items: React.ReactNode[] = [];
  const flush = () => {
    if (items.length) out.push(<ul key={`ul${out.length}`}>{items}</ul>);
    items = [];
  };
  blocks.forEach((b, i) => {
    const spans = b.spans.map((s, k) => <SpanText key={k} s={s} />);
    if (b.kind === 'li') items.push(<li key={i}>{spans}</li>);
    else {
      flush();
      out.push(<p key={i}>{spans}</p>);
    }
  });
  flush();
  return <div className={className}>{out}</div>;
}
