/**
 * Translations of curated scenarios' titles and descriptions. A scenario's own text is the
 * English; a missing translation falls back to it.
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
