/**
 * The shared `linearizable` invariant's messages (src/check/linearizability/invariant.ts, the
 * paragraph from check.ts `explain`) in Chinese, for every protocol with a client history.
 * A message is `key K: ` and up to three sentences: the ops that cannot be ordered, their
 * real-time order (at most six pairs, then `N more`), and what could not happen. Ops read
 * `put(x, 1)`, `get(x) → 1`, `put(x, 1) [info]` and stay as they are.
 */
import type { Rule } from './rule';

/** The register's value is JSON: a string whole (it may hold `, so `), else the shortest text. */
const HELD = '("(?:[^"\\\\]|\\\\.)*"|.+?)';

const LINEARIZABLE = new RegExp(
  [
    '^key (.+?): ',
    '(?:This operation cannot be placed: (.+?)\\.|These (\\d+) operations cannot be ordered: (.+?)\\.)',
    '(?: In real time (.+?)\\.)?',
    '(?: (.+?) read a value that no write here wrote \\(a failed write, or a lost one\\)\\.',
    `| After the longest valid order \\((.+?)\\) the register holds ${HELD}, so (.+?) cannot take effect before it returned\\.`,
    `| At the start the register holds ${HELD}, so (.+?) cannot take effect before it returned\\.)?$`,
  ].join(''),
);

/** `A ended before B began, C ended before D began, 3 more`, word by word so ops stay whole. */
function realTime(pairs: string): string {
  return pairs
    .replace(/ ended before /g, ' 在 ')
    .replace(/ began(, |$)/g, (_, sep: string) => ` 开始之前就已结束${sep ? '，' : ''}`)
    .replace(/，(\d+) more$/, '，另有 $1 对');
}

function translate(...g: (string | undefined)[]): string {
  const [, key, one, n, ops, pairs, unwritten, order, held, blocked, heldAtStart, blockedAtStart] = g;
  const parts = [`键 ${key}：`];
  parts.push(one !== undefined ? `这个操作无法放进任何合法顺序：${one}。` : `这 ${n} 个操作无法排成合法顺序：${ops}。`);
  if (pairs !== undefined) parts.push(`实时上，${realTime(pairs)}。`);
  if (unwritten !== undefined) parts.push(`${unwritten} 读到的值不是这里任何一次写入写下的（来自一次失败的写入，或一次丢失的写入）。`);
  else if (order !== undefined) parts.push(`按最长的合法顺序（${order}）执行后，寄存器的值为 ${held}，因此 ${blocked} 无法在它返回之前生效。`);
  else if (heldAtStart !== undefined) parts.push(`一开始寄存器的值为 ${heldAtStart}，因此 ${blockedAtStart} 无法在它返回之前生效。`);
  return parts.join('');
}

export const linearizableRules: Rule[] = [[LINEARIZABLE, translate]];
