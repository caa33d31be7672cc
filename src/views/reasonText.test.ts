/** Every reason the kernel writes into a trace reads in Chinese without English words. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { translate, type StringKey } from '../i18n';
import { reasonText } from './reasonText';

describe('reasonText', () => {
  it('translates each reason the kernel gives (read from src/sim)', () => {
    const dir = join(import.meta.dirname, '../sim');
    const reasons = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/reason: '([a-z ]+)'/g)) reasons.add(m[1]!);
    }
    expect(reasons.size).toBeGreaterThan(4);
    const zh = (key: StringKey) => translate('zh-CN', key);
    for (const r of reasons) expect(reasonText(zh, r), r).not.toMatch(/[A-Za-z]{2,}/);
    expect(reasonText(zh, 'down')).toBe('接收方宕机');
  });
});

describe('opReason', () => {
  it("names the leader from Raft's redirect, in both languages", async () => {
    const { opReason } = await import('./reasonText');
    const en = (key: StringKey, vars?: Record<string, string | number>) => translate('en', key, vars);
    const zh = (key: StringKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
    expect(opReason(en, 'not the leader; try n3')).toBe('not the leader; the leader is n3');
    expect(opReason(zh, 'not the leader; try n3')).toBe('不是领导者；领导者是 n3');
    expect(opReason(zh, 'not the leader')).not.toMatch(/[A-Za-z]{2,}/);
  });
});
