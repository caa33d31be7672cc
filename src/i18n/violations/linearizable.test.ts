import { describe, expect, it } from 'vitest';
import { checkKey } from '../../check/linearizability/check';
import { handHistory, type HandOp } from '../../check/linearizability/testHistory';
import { hasViolationText, violationText } from '../violations';

/** The message the live invariant would give for this history of key x. */
function message(ops: HandOp[]): string {
  const v = checkKey(handHistory(ops), 'x');
  expect(v.ok).toBe(false);
  return `key x: ${v.why}`;
}

describe('linearizable violations in Chinese', () => {
  it('translate every sentence of a stale read, for any protocol', () => {
    const m = message([
      { f: 'put', value: '1', call: 1, ret: 2 },
      { f: 'put', value: '2', call: 3, ret: 4 },
      { f: 'get', value: '1', call: 5, ret: 6 },
    ]);
    const zh = '键 x：这 3 个操作无法排成合法顺序：put(x, "1"); put(x, "2"); get(x) → "1"。实时上，put(x, "1") 在 put(x, "2") 开始之前就已结束，put(x, "2") 在 get(x) → "1" 开始之前就已结束。按最长的合法顺序（put(x, "1"), put(x, "2")）执行后，寄存器的值为 "2"，因此 get(x) → "1" 无法在它返回之前生效。';
    for (const id of ['raft', 'zab', 'lock', 'some-new-protocol']) {
      expect(hasViolationText(id, m)).toBe(true);
      expect(violationText('zh-CN', id, m)).toBe(zh);
    }
  });
  it('translate a read of a value no write wrote', () => {
    const m = message([{ f: 'get', value: 7, call: 1, ret: 2 }]);
    expect(m).toContain('This operation cannot be placed');
    expect(violationText('zh-CN', 'raft', m)).toBe('键 x：这个操作无法放进任何合法顺序：get(x) → 7。get(x) → 7 读到的值不是这里任何一次写入写下的（来自一次失败的写入，或一次丢失的写入）。');
  });
  it('translate the elided pairs and the start, keeping odd values whole', () => {
    // Written by hand: `explain` words these, but no small history reaches them.
    const pairs = Array.from({ length: 6 }, (_, i) => `put(x, ${i}.5) ended before put(x, ${i + 1}.5) began`).join(', ');
    const m = `key k:1: These 8 operations cannot be ordered: a. In real time ${pairs}, 2 more. At the start the register holds "a, so b", so get(k:1) → 1 cannot take effect before it returned.`;
    const zh = violationText('zh-CN', 'chash', m);
    expect(zh.startsWith('键 k:1：这 8 个操作无法排成合法顺序：a。实时上，put(x, 0.5) 在 put(x, 1.5) 开始之前就已结束，')).toBe(true);
    expect(zh).toContain('put(x, 5.5) 在 put(x, 6.5) 开始之前就已结束，另有 2 对。');
    expect(zh.endsWith('一开始寄存器的值为 "a, so b"，因此 get(k:1) → 1 无法在它返回之前生效。')).toBe(true);
    expect(violationText('zh-CN', 'raft', 'key x: something else')).toBe('key x: something else');
  });
});
