import { describe, expect, it } from 'vitest';
import { linkErrorText } from './linkErrors';
import { validateScenario } from '../scenario/validate';

describe('linkErrorText', () => {
  // What a link made by a newer build is refused with, as the validator words it.
  const newer = validateScenario({ format: 'faultline-scenario', version: 4 }, () => undefined);
  const detail = newer.ok ? '' : newer.errors.join('; ');

  it('says a link comes from a newer build, in English as the validator words it', () => {
    expect(detail).toBe('version: version 4 comes from a newer Faultline; this build reads versions 1–3');
    expect(linkErrorText('en', detail)).toBe(detail);
  });

  it('translates the phrase and keeps the field, the numbers and the range', () => {
    const zh = linkErrorText('zh-CN', detail);
    expect(zh).toBe('version: version 4 来自更新版本的 Faultline；当前版本只能读取版本 1–3');
    expect(zh).not.toContain('newer');
  });
});
