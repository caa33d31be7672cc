/** Zab's violation messages (src/protocols/zab/invariants*.ts) in Chinese, in the terms of
 * zabContent.ts: 纪元 epoch, 下标 index, 交付 deliver, 广播 broadcast, 确立 establish.
 * Transactions read `(epoch,counter)=value` and anomaly names stay as they are. */
import type { Rule } from './rule';

export const zabRules: Rule[] = [
  // one-leader-per-epoch
  [/^(\S+) and (\S+) both established epoch (\d+)$/, '$1 和 $2 都确立了纪元 $3'],
  // prefix-consistency
  [/^at index (\d+) (\S+) committed (.+?) but (\S+) committed (.+)$/, '在下标 $1 处，$2 提交了 $3，而 $4 提交了 $5'],
  // primary-integrity
  [/^(\S+) delivered (.+?) of an earlier epoch, which its leader (\S+) of epoch (\d+) has not$/, '$1 交付了较早纪元的 $2，而它在纪元 $4 的领导者 $3 没有交付它'],
  // should-not-be-triggered
  [/^(\S+) flagged (.+?) on (\S+) from (\S+)$/, '$1 在收到来自 $4 的 $3 时标记了 $2'],
  [/^(\S+) flagged (.+)$/, '$1 标记了 $2'],
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
