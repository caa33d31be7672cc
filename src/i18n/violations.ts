/**
 * Invariant violation messages in the reader's language. Invariants word their messages in
 * English (the CLI prints them too); each template here matches one message shape and says it
 * in Chinese, keeping node ids, keys, terms and entries as they are. A protocol's messages
 * are listed under its id (newer protocols' in violations/<id>.ts); the shared checkers'
 * messages (linearizable) are tried after them for any protocol. `violations.test.ts` fails
 * when a curated scenario's violation has no translation.
 */
import type { Lang } from '.';
import type { Rule } from './violations/rule';
import { paxosRules } from './violations/paxos';
import { MULTIPAXOS_WORDS, multipaxosRules } from './violations/multipaxos';
import { zabRules } from './violations/zab';
import { lockRules } from './violations/lock';
import { linearizableRules } from './violations/linearizable';

/** 2PC's and 3PC's states in the decisions-final messages, said in Chinese. */
const STATE: Record<string, string> = { committed: '已提交', aborted: '已中止', working: '工作中', prepared: '已准备', waiting: '等待中', 'pre-committed': '预提交', init: '初始' };
const DID: Record<string, string> = { committed: '提交', aborted: '中止' };
const said = (state: string): string => `「${STATE[state] ?? state}」`;
const did = (state: string): string => DID[state] ?? state;

/** Captures: `(\S+)` an id or number, `(.+?)` free text such as an entry or a list. */
const RULES: Record<string, Rule[]> = {
  raft: [
    [/^(\S+) and (\S+) both led term (\d+)$/, '$1 和 $2 都在任期 $3 担任领导者'],
    [/^leader (\S+) replaced entry (\d+) \((.+?)\) with (.+?) in term (\d+)$/, '领导者 $1 在任期 $5 把条目 $2（$3）替换成了 $4'],
    [/^(\S+) and (\S+) hold the same term at index (\d+) but differ at or before it$/, '$1 和 $2 在索引 $3 处任期相同，但在该处或之前不同'],
    [/^index (\d+) is committed as (.+?) \(by (\S+)\) but (\S+) holds (.+?) there and has committed up to index (\d+)$/, '索引 $1 已提交为 $2（由 $3），但 $4 在该处持有 $5，且已提交到索引 $6'],
    [/^leader (\S+) of term (\d+) lacks (.+?) at index (\d+), committed in term (\d+)$/, '任期 $2 的领导者 $1 缺少索引 $4 处的 $3，它已在任期 $5 提交'],
    [/^(\S+)'s term went from (\d+) back to (\d+)$/, '$1 的任期从 $2 退回到 $3'],
    [/^(\S+) voted for (\S+) and then (\S+) in term (\d+)$/, '$1 在任期 $4 先投票给 $2，又投票给 $3'],
  ],
  twopc: [
    [/^(\S+): (\S+) committed and (\S+) aborted$/, '$1：$2 已提交而 $3 已中止'],
    [/^(\S+) committed (\S+) before (.+?) prepared$/, '$1 在 $3 投出 Prepared 之前就提交了 $2'],
    [/^(\S+) aborted (\S+) after voting Prepared, with no abort by the TM or another RM$/, '$1 投出 Prepared 后中止了 $2，而 TM 和其他 RM 都未中止'],
    [/^(\S+) had (\S+) (\S+), then forgot it$/, (_, n, was, tx) => `${n} 曾${did(was!)} ${tx}，之后却遗忘了`],
    [/^(\S+) had (\S+) (\S+), then changed to (\S+)$/, (_, n, was, tx, now) => `${n} 曾${did(was!)} ${tx}，之后又变为${said(now!)}`],
  ],
  threepc: [
    [/^(\S+): (\S+) committed and (\S+) aborted$/, '$1：$2 已提交而 $3 已中止'],
    [/^(\S+) committed (\S+) before (.+?) voted yes$/, '$1 在 $3 投 Yes 之前就提交了 $2'],
    [/^(\S+) had (\S+) (\S+), then forgot it$/, (_, n, was, tx) => `${n} 曾${did(was!)} ${tx}，之后却遗忘了`],
    [/^(\S+) had (\S+) (\S+), then changed to (.+?) \((\w)\)$/, (_, n, was, tx, now, letter) => `${n} 曾${did(was!)} ${tx}，之后又变为${said(now!)}（${letter}）`],
  ],
  chash: [
    [/^(\S+) moved (.+?) to (\S+) with no join or leave under way$/, '$1 在没有加入或离开进行时把 $2 移到了 $3'],
    [/^the join of (\S+) moved (.+?) from (\S+) to (\S+), an old server$/, '$1 的加入把 $2 从 $3 移到了旧服务器 $4'],
    [/^the leave of (\S+) moved (.+?) from (\S+), which stays$/, '$1 的离开把 $2 从留在环上的 $3 移走了'],
    [/^(\S+) moved (.+?) to (\S+), which does not gain (it|them)$/, (_, from, keys, to, n) => `${from} 把 ${keys} 移到了 ${to}，而 ${to} 并不应获得${n === 'it' ? '它' : '它们'}`],
    [/^the ring is settled at epoch (\d+) but (\S+) still stores (.+?), which it does not replicate$/, '环已在纪元 $1 稳定，但 $2 仍存储着它不负责复制的 $3'],
    [/^the ring is settled at epoch (\d+) but replica (.+?) lacks (\S+) \((.+?)\)$/, '环已在纪元 $1 稳定，但副本 $2 缺少 $3（$4）'],
    [/^(\S+) \((.+?)\) is held by (.+?), and lost with the disk of (.+?); it needs (\d+) copies$/, '$1（$2）由 $3 持有，并随 $4 的磁盘丢失；它需要 $5 份副本'],
    [/^(\S+) \((.+?)\) is held by (.+?); it needs (\d+) copies$/, '$1（$2）由 $3 持有；它需要 $4 份副本'],
  ],
  paxos: paxosRules,
  multipaxos: multipaxosRules,
  zab: zabRules,
  lock: lockRules,
};

/** Invariants any protocol may have (the shared checkers in src/check/), tried after its own. */
const SHARED: Rule[] = [...linearizableRules];

/** Words inside captured text that read better translated, per protocol (a version note). */
const WORDS: Record<string, Rule[]> = {
  chash: [[/\bversion (\d+) by ([\w-]+)/g, '$2 写入的版本 $1']],
  multipaxos: MULTIPAXOS_WORDS,
};

/** `replace` is typed per overload: a template or a function, not a union of both. */
const apply = (text: string, [re, zh]: Rule): string => (typeof zh === 'string' ? text.replace(re, zh) : text.replace(re, zh));

/** The message with its words translated, and the first rule that matches it. */
function match(protocol: string, message: string): { words: string; rule?: Rule } {
  let words = message;
  for (const w of WORDS[protocol] ?? []) words = apply(words, w);
  return { words, rule: [...(RULES[protocol] ?? []), ...SHARED].find(([re]) => re.test(words)) };
}

/** The violation message in `lang`; the English one when no template matches. */
export function violationText(lang: Lang, protocol: string, message: string): string {
  if (lang === 'en') return message;
  const { words, rule } = match(protocol, message);
  return rule ? apply(words, rule) : message;
}

/** For tests: whether a template matches. */
export function hasViolationText(protocol: string, message: string): boolean {
  return match(protocol, message).rule !== undefined;
}
