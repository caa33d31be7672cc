/**
 * A step's highlights as CSS over the views' data attributes (cluster nodes and messages, log
 * rows and entries, invariant rows): the views need no tour code. Every value is a validated id,
 * and is escaped as a CSS string all the same.
 */
import type { Highlights } from '../../scenario/tour/types';
import { nodeRef, type Bindings } from '../../scenario/tour/anchors';

const q = (s: string) => `"${s.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

export function highlightCss(show: Highlights | undefined, b: Bindings): string {
  if (!show) return '';
  const rules: string[] = [];
  const nodes = (show.nodes ?? []).map((n) => nodeRef(n, b)).filter((n): n is string => n !== undefined);
  for (const n of nodes) {
    rules.push(`.cluster [data-node=${q(n)}] .cl-node-focus { stroke: var(--tour-mark); stroke-width: 3px; stroke-dasharray: 6 4; fill: none; opacity: 1; }`);
    rules.push(`.lg-logview [data-node=${q(n)}] > :first-child { outline: 2px dashed var(--tour-mark); outline-offset: -2px; }`);
  }
  if (show.dim && nodes.length) {
    const keep = nodes.map((n) => `:not([data-node=${q(n)}])`).join('');
    rules.push(`.cluster g.cl-node${keep} { opacity: 0.35; }`);
  }
  const m = show.messages;
  if (m) {
    let sel = '.cluster [data-message]';
    if (m.type) sel += `[data-type=${q(m.type)}]`;
    const from = nodeRef(m.from, b);
    const to = nodeRef(m.to, b);
    if (from) sel += `[data-from=${q(from)}]`;
    if (to) sel += `[data-to=${q(to)}]`;
    rules.push(`${sel} circle:not(.cl-msg-hit) { stroke: var(--tour-mark); stroke-width: 3px; }`);
  }
  for (const e of show.entries ?? []) {
    const n = nodeRef(e.node, b);
    if (n) rules.push(`.lg-logview [data-node=${q(n)}] [data-index="${e.index}"] { outline: 3px dashed var(--tour-mark); outline-offset: -3px; }`);
  }
  for (const inv of show.invariants ?? []) rules.push(`.iv-item[data-invariant=${q(inv)}] { outline: 2px dashed var(--tour-mark); outline-offset: 1px; }`);
  return rules.join('\n');
}
