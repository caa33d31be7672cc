import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { runScenario } from '../sim/simulation';
import { hasViolationText, violationText } from './violations';

/** The protocols whose messages are translated here; a protocol added later lists its own. */
const COVERED = ['raft', 'twopc', 'threepc', 'chash'];

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
    expect(violationText('zh-CN', 'raft', 'something new')).toBe('something new');
  });
});
