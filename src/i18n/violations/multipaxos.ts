/** Multi-Paxos's violation messages (src/protocols/multipaxos/invariants.ts) in Chinese, in the
 * terms of multipaxosContent.ts: 槽位 slot, 选票 ballot, 副本 replica, 选定 chosen, 提交 commit.
 * A command reads `k=v (op id)`, kept as it is; `no-op` is a word (MULTIPAXOS_WORDS). */
import { andList, type Rule } from './rule';

export const multipaxosRules: Rule[] = [
  // chosen-is-proposed-above (before consistency: both start `slot S: A … chosen in ballot B`)
  [/^slot (\d+): (.+?) is chosen in ballot (\S+), but (\S+) voted for (.+?) in ballot (\S+)$/, '槽位 $1：$2 已在选票 $3 中被选定，但 $4 在选票 $6 中投票给了 $5'],
  // validity
  [/^slot (\d+): (.+?) is chosen but no client submitted it$/, '槽位 $1：$2 已被选定，但没有客户端提交过它'],
  // consistency
  [/^slot (\d+): (.+?) chosen in ballot (\S+) and (.+?) in ballot (\S+)$/, '槽位 $1：$2 在选票 $3 中被选定，$4 也在选票 $5 中被选定'],
  // one-command-per-ballot-slot
  [/^slot (\d+), ballot (\S+): votes for (.+)$/, (_, slot, bal, cmds) => `槽位 ${slot}、选票 ${bal}：有分别投给 ${andList(cmds!)} 的票`],
  // commits-agree
  [/^slot (\d+): (\S+) committed (.+?), (\S+) committed (.+)$/, '槽位 $1：$2 提交了 $3，$4 提交了 $5'],
  // commit-is-chosen
  [/^(\S+) committed (.+?) in slot (\d+), but nothing is chosen there$/, '$1 在槽位 $3 提交了 $2，但该槽位没有选定任何命令'],
  [/^(\S+) committed (.+?) in slot (\d+), but (.+?) is chosen there$/, '$1 在槽位 $3 提交了 $2，但该槽位选定的是 $4'],
  // applied-is-fold
  [/^(\S+) counts slots 1 to (\d+) as committed, but slot (\d+) is not committed$/, '$1 认为槽位 1 到 $2 都已提交，但槽位 $3 尚未提交'],
  [/^(\S+)'s applied state is (.+?), but applying slots 1 to (\d+) in order gives (.+)$/, '$1 的应用状态为 $2，但按顺序应用槽位 1 到 $3 得到的是 $4'],
  // bal-max-known-monotone
  [/^(\S+) had promised ballot (\S+), then its promise went back to ballot (\S+)$/, '$1 曾承诺选票 $2，之后它的承诺退回到选票 $3'],
];

/** `no-op` where a command would be; not inside a command such as `x=no-op (op)`. */
export const MULTIPAXOS_WORDS: Rule[] = [[/(?<![\w=-])no-op(?! \()(?![\w-])/g, '空操作']];
