/**
 * Translations of protocol content: curated scenarios, invariants and bug switches. The
 * protocol's own text is the English; a missing translation falls back to it.
 */
import type { Lang } from '.';

type Text = { title: string; description: string };

const zhCN: Record<string, Text> = {
  'raft:happy-path': { title: '选举与三次写入', description: 'n1 最先超时，在任期 1 赢得选举并复制三次写入；每条写入在多数节点持有后提交。' },
  'raft:leader-crash': { title: '领导者崩溃', description: 'n1 在任期 1 担任领导者并提交 x=1，随后崩溃。追随者超时，新领导者在更高任期当选且日志中保留 x=1，n1 以追随者身份重新加入。' },
  'raft:split-vote': { title: '选票分裂', description: 'n1、n3 和 n5 在任期 1 同时超时。较慢的链路让 n2 先收到 n1 的请求、n4 先收到 n3 的请求，因此无人获得三票；随机化超时在之后的任期中解决僵局。' },
  'raft:stale-leader': { title: '少数分区中的过期领导者', description: 'n1 在任期 1 担任领导者时网络分裂为 {n1,n2} | {n3,n4,n5}。n1 仍接受写入但永远无法提交；多数派选出 n3 并提交。网络修复后，n1 退位，其未提交的条目被覆盖。' },
  'raft:figure-8': { title: '图 8：为何领导者只统计本任期条目的副本', description: '任期 3 的领导者把任期 1 的条目复制到多数节点，但不能靠计数提交它（第 5.4.2 节）。之后的领导者覆盖它时，没有丢失任何已提交的内容。' },
  'raft:figure-8-bug': { title: '图 8：开启 commit-previous-term 缺陷', description: '任期 3 的领导者因为多数节点持有而提交了任期 1 的条目。之后的领导者覆盖了它：状态机安全性和领导者完整性被破坏。' },
  'raft:forget-vote': { title: '重启后记住的选票', description: 'n2 在任期 1 投票给 n1，重启后又被 n3 在任期 1 请求投票。votedFor 保存在磁盘上，因此 n2 拒绝，n3 无法获胜。' },
  'raft:forget-vote-bug': { title: '重启后遗忘的选票（缺陷开关已开启）', description: 'n2 在任期 1 投票给 n1，重启后又被 n3 在任期 1 请求投票。votedFor 没有持久化，它再次投票：任期 1 出现两个领导者。' },
};

const tables: Record<Lang, Record<string, Text>> = { en: {}, 'zh-CN': zhCN };

export function scenarioText(lang: Lang, protocol: string, s: { name?: string; title?: string; description?: string }): Text {
  const own = { title: s.title ?? s.name ?? '', description: s.description ?? '' };
  return tables[lang][`${protocol}:${s.name ?? ''}`] ?? own;
}

/** For tests: every translated key. */
export const TRANSLATED_SCENARIOS = Object.keys(zhCN);

const zhInvariants: Record<string, Text> = {
  'raft:election-safety': { title: '选举安全性', description: '在整个运行过程中，每个任期至多选出一个领导者。' },
  'raft:leader-append-only': { title: '领导者只追加', description: '领导者从不覆盖或删除其日志中的条目，只追加。' },
  'raft:log-matching': { title: '日志匹配', description: '若两份日志在同一索引处的条目任期相同，则它们在该索引之前完全相同。' },
  'raft:leader-completeness': { title: '领导者完整性', description: '某任期中已提交的条目，存在于之后所有任期领导者的日志中。' },
  'raft:state-machine-safety': { title: '状态机安全性', description: '任何两台服务器都不会在同一索引处应用不同的条目。' },
  'raft:term-monotonic': { title: '任期只增不减', description: '服务器的 currentTerm 从不减小，重启后也一样。' },
  'raft:one-vote-per-term': { title: '每任期一票', description: '服务器在一个任期内至多投票给一个候选者，重启后也一样。' },
};

const zhBugs: Record<string, string> = {
  'raft:commit-previous-term': '领导者通过统计副本数提交之前任期的条目（论文图 8 中的缺陷）。',
  'raft:forget-vote-on-restart': 'votedFor 未被持久化，重启后的服务器可能在同一任期投票两次。',
};

/** An invariant's name and one-line meaning. */
export function invariantText(lang: Lang, protocol: string, inv: { id: string; name: string; description: string }): { name: string; description: string } {
  const zh = lang === 'zh-CN' ? zhInvariants[`${protocol}:${inv.id}`] : undefined;
  return zh ? { name: zh.title, description: zh.description } : { name: inv.name, description: inv.description };
}

/** A bug switch's description. */
export function bugText(lang: Lang, protocol: string, bug: { id: string; description: string }): string {
  return (lang === 'zh-CN' ? zhBugs[`${protocol}:${bug.id}`] : undefined) ?? bug.description;
}

/** For tests: every translated invariant and bug, as protocol:id. */
export const TRANSLATED_INVARIANTS = Object.keys(zhInvariants);
export const TRANSLATED_BUGS = Object.keys(zhBugs);
