import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { runScenario } from '../sim/simulation';
import { hasViolationText, violationText } from './violations';

/** The protocols whose messages are translated here; a protocol added later lists its own. */
const COVERED = ['raft', 'twopc', 'threepc', 'chash', 'paxos', 'multipaxos', 'zab', 'lock'];

describe('violation messages in Chinese', () => {
  it('exist for every violation of every curated scenario', () => {
    for (const id of COVERED) {
      const p = protocols.get(id)!;
      for (const s of p.scenarios) {
        for (const v of runScenario(p, s).violations) {
          expect(hasViolationText(id, v.message), `${id}:${s.name}: ${v.message}`).toBe(true);
          expect(violationText('zh-CN', id, v.message)).not.toBe(v.message);
        }
      }
    }
  });
  it('keep the ids and values', () => {
    expect(violationText('zh-CN', 'raft', 'n1 and n3 both led term 1')).toBe('n1 和 n3 都在任期 1 担任领导者');
    expect(violationText('zh-CN', 'chash', 'lemon (version 6 by n7) is held by n2, n4; it needs 3 copies')).toBe('lemon（n7 写入的版本 6）由 n2, n4 持有；它需要 3 份副本');
    expect(violationText('en', 'raft', 'n1 and n3 both led term 1')).toBe('n1 and n3 both led term 1');
    expect(violationText('zh-CN', 'chash', 'n1 moved grape to n6, which does not gain it')).toBe('n1 把 grape 移到了 n6，而 n6 并不应获得它');
    expect(violationText('zh-CN', 'chash', 'n1 moved fig, grape to n6, which does not gain them')).toBe('n1 把 fig, grape 移到了 n6，而 n6 并不应获得它们');
    expect(violationText('zh-CN', 'raft', 'something new')).toBe('something new');
  });
  it('keep the ids and values of the newer protocols', () => {
    const zh = (id: string, m: string) => violationText('zh-CN', id, m);
    expect(zh('paxos', 'two values chosen: v1 in ballot 1 (by a1, a2) and v2 in ballot 2 (by a2, a3)')).toBe('两个值都被选定：v1 在选票 1 中（由 a1, a2 投票），v2 在选票 2 中（由 a2, a3 投票）');
    expect(zh('paxos', 'ballot 3 has votes for v1 and v2')).toBe('选票 3 中有分别投给 v1 和 v2 的票');
    expect(zh('paxos', 'p1 believes chosen v1, which no majority of acceptors voted for in one ballot')).toBe('p1 认为 v1 已被选定，但没有多数派接受者在同一选票中投票给它');
    expect(zh('multipaxos', 'n1 committed a=1 (n1@30#1) in slot 1, but nothing is chosen there')).toBe('n1 在槽位 1 提交了 a=1 (n1@30#1)，但该槽位没有选定任何命令');
    expect(zh('multipaxos', 'slot 2: no-op chosen in ballot 1 and x=no-op (n1@5#1) in ballot 2')).toBe('槽位 2：空操作 在选票 1 中被选定，x=no-op (n1@5#1) 也在选票 2 中被选定');
    expect(zh('zab', 'leader n2 of epoch 3 holds nothing at index 4, where (1,4)=d=4 was committed in epoch 2 (delivered by n3)')).toBe('纪元 3 的领导者 n2 在下标 4 处没有事务，而该处已在纪元 2 提交了 (1,4)=d=4（由 n3 交付）');
    expect(zh('zab', 'n3 was told by n2 to commit zxid (1,2), which is not the next uncommitted transaction in its log')).toBe('n2 让 n3 提交 zxid (1,2)，但它不是 n3 日志中下一个未提交的事务');
    expect(zh('lock', 'c1 sent Write while its session was in jeopardy')).toBe('c1 在会话处于危险期时发送了 Write');
    expect(zh('lock', 'storage accepted token 4 for L after token 5')).toBe('存储在接受令牌 5 之后，又为 L 接受了令牌 4');
  });
});
