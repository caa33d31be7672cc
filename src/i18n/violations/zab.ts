/** Zab's violation messages (src/protocols/zab/invariants*.ts) in Chinese, in the terms of
 * zabContent.ts: 纪元 epoch, 下标 index, 交付 deliver, 广播 broadcast, 确立 establish.
 * Transactions read `(epoch,counter)=value` and anomaly names stay as they are. */
import type { Rule } from './rule';

const PHASE: Record<string, string> = { election: '选举', discovery: '发现', synchronization: '同步', broadcast: '广播' };

/** ShouldNotBeTriggered's sentences (zab/anomalyText.ts), one flag each. */
const ANOMALY: Rule[] = [
  [/^(\S+) was told by (\S+) to commit (zxid \S+|a zxid), which is not the next uncommitted transaction in its log$/, '$2 让 $1 提交 $3，但它不是 $1 日志中下一个未提交的事务'],
  [/^(\S+) got a proposal for (zxid \S+|a zxid) from (\S+) that does not follow the last transaction in its log$/, '$1 收到来自 $3 的 $2 提议，但它并不紧接在 $1 日志的最后一个事务之后'],
  [/^(\S+) was told by (\S+) to commit up to (zxid \S+|a zxid), which is not in its log$/, '$2 让 $1 提交到 $3 为止，但 $1 的日志中没有它'],
  [/^(\S+) got an acknowledgement from (\S+) for (zxid \S+|a zxid), which is not in its log$/, '$1 收到 $2 对 $3 的确认，但 $1 的日志中没有它'],
  [/^(\S+) got (\S+) from (\S+) during (\S+), a phase in which it cannot arrive$/, (_, n, type, from, phase) => `${n} 在${PHASE[phase!] ?? phase}阶段收到来自 ${from} 的 ${type}，而该阶段不可能收到它`],
  [/^(\S+) got (\S+) from (\S+), which it cannot receive in its role and phase$/, '$1 收到来自 $3 的 $2，而以它的角色和阶段不可能收到它'],
  [/^(\S+) reached a state the protocol rules out \((\S+)\)$/, (_, n, phase) => `${n} 在${PHASE[phase!] ?? phase}阶段进入了协议排除的状态`],
];

/** One sentence in Chinese, or as it is when no shape matches. */
function anomaly(sentence: string): string {
  const rule = ANOMALY.find(([re]) => re.test(sentence));
  if (!rule) return sentence;
  const [re, zh] = rule;
  return typeof zh === 'string' ? sentence.replace(re, zh) : sentence.replace(re, zh);
}

export const zabRules: Rule[] = [
  // one-leader-per-epoch
  [/^(\S+) and (\S+) both established epoch (\d+)$/, '$1 和 $2 都确立了纪元 $3'],
  // prefix-consistency
  [/^at index (\d+) (\S+) committed (.+?) but (\S+) committed (.+)$/, '在下标 $1 处，$2 提交了 $3，而 $4 提交了 $5'],
  // primary-integrity
  [/^(\S+) delivered (.+?) of an earlier epoch, which its leader (\S+) of epoch (\d+) has not$/, '$1 交付了较早纪元的 $2，而它在纪元 $4 的领导者 $3 没有交付它'],
  // should-not-be-triggered: one sentence per flag (zab/anomalyText.ts), joined with `; `
  [/^\S+ (?:was told by|got|reached) .+$/, (m) => m.split('; ').map(anomaly).join('；')],
  // leader-log-completeness: the leader's history may end before the index
  [/^leader (\S+) of epoch (\d+) holds nothing at index (\d+), where (.+?) was committed in epoch (\d+) \(delivered by (\S+)\)$/, '纪元 $2 的领导者 $1 在下标 $3 处没有事务，而该处已在纪元 $5 提交了 $4（由 $6 交付）'],
  [/^leader (\S+) of epoch (\d+) holds (.+?) at index (\d+), where (.+?) was committed in epoch (\d+) \(delivered by (\S+)\)$/, '纪元 $2 的领导者 $1 在下标 $4 处持有 $3，而该处已在纪元 $6 提交了 $5（由 $7 交付）'],
  // integrity
  [/^(\S+) delivered (.+?), which no leader ever broadcast$/, '$1 交付了 $2，但没有任何领导者广播过它'],
  // agreement
  [/^(\S+) delivered (.+?) and (\S+) delivered (.+?), but neither delivered the other's$/, '$1 交付了 $2，$3 交付了 $4，但双方都没有交付对方的那个'],
  // total-order: a position reused, or an order another server broke
  [/^(\S+) delivered (.+?) at position (\d+), where it had delivered (.+)$/, '$1 在位置 $3 交付了 $2，而它曾在该位置交付过 $4'],
  [/^(\S+) delivered (.+?) before (.+?), but (\S+) did not$/, '$1 在 $3 之前交付了 $2，但 $4 没有'],
  // local-primary-order
  [/^(\S+) broadcast (.+?) before (.+?) in epoch (\d+), but (\S+) delivered (.+?) without it first$/, '$1 在纪元 $4 中先广播 $2 后广播 $3，但 $5 交付 $6 之前没有先交付 $2'],
  // global-primary-order
  [/^(\S+) delivered (.+?) after (.+?) of a later epoch$/, '$1 在较晚纪元的 $3 之后交付了 $2'],
];
