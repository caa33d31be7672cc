/** Single-decree Paxos's violation messages (src/protocols/paxos/invariants.ts) in Chinese,
 * in the terms of content.ts: 选票 ballot, 接受者 acceptor, 选定 chosen, 多数派 majority. */
import { andList, type Rule } from './rule';

export const paxosRules: Rule[] = [
  // consensus
  [/^two values chosen: (.+?) in ballot (\S+) \(by (.+?)\) and (.+?) in ballot (\S+) \(by (.+?)\)$/, '两个值都被选定：$1 在选票 $2 中（由 $3 投票），$4 在选票 $5 中（由 $6 投票）'],
  // one-value-per-ballot
  [/^ballot (\S+) has votes for (.+)$/, (_, bal, values) => `选票 ${bal} 中有分别投给 ${andList(values!)} 的票`],
  // votes-safe
  [/^(\S+)'s vote for (.+?) in ballot (\S+) is not safe: in ballot (\S+) no majority voted for (.+?) or can no longer vote$/, '$1 在选票 $3 中投给 $2 的票不安全：在选票 $4 中，不存在每个成员都投票给 $5 或已不能再投票的多数派'],
  // promise-monotone
  [/^(\S+) had promised ballot (\S+), then forgot that promise$/, '$1 曾承诺选票 $2，之后却遗忘了这个承诺'],
  [/^(\S+) had promised ballot (\S+), then its promise went back to ballot (\S+)$/, '$1 曾承诺选票 $2，之后它的承诺退回到选票 $3'],
  // learn-sound: a proposer's answer, a learner, a proposer
  [/^(\S+) told its client (.+?) is chosen, which no majority of acceptors voted for in one ballot$/, '$1 告诉它的客户端 $2 已被选定，但没有多数派接受者在同一选票中投票给它'],
  [/^(\S+) learned (.+?), which no majority of acceptors voted for in one ballot$/, '$1 学到了 $2，但没有多数派接受者在同一选票中投票给它'],
  [/^(\S+) believes chosen (.+?), which no majority of acceptors voted for in one ballot$/, '$1 认为 $2 已被选定，但没有多数派接受者在同一选票中投票给它'],
  // validity
  [/^(.+?) is chosen \(ballot (\S+)\) but nobody proposed it$/, '$1 已被选定（选票 $2），但没有人提议过它'],
];
