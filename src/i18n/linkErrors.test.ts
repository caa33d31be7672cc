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

describe('error details with values, in Chinese (walk-through item 4)', () => {
  /** English words left once the field names, format ids and quoted values are taken out. */
  const english = (text: string) => text.replace(/"[^"]*"/g, '').replace(/\bformat\b|base64url|JSON/g, '').match(/[A-Za-z]{2,}/g) ?? [];

  it('the decoder\'s own errors', async () => {
    const { decodeBase64url } = await import('../scenario/base64url');
    for (const text of ['AAAAbogus', 'AA!A']) {
      const r = decodeBase64url(text);
      expect(r.ok).toBe(false);
      const detail = `link is truncated or corrupt (${r.ok ? '' : r.error})`;
      expect(english(linkErrorText('zh-CN', detail)), linkErrorText('zh-CN', detail)).toEqual([]);
    }
  });

  it('the file reader\'s format errors', async () => {
    const { readImport } = await import('../store/importFile');
    for (const text of ['{"a":1}', '{"format":"x"}', '', '{']) {
      const r = readImport(text, text.length);
      expect(r.ok).toBe(false);
      const detail = r.ok ? '' : r.errors.join('; ');
      const zh = linkErrorText('zh-CN', detail);
      // The JSON parser's own position text stays as the engine words it.
      expect(english(zh.replace(/JSON.*$/, '')), zh).toEqual([]);
    }
  });
});
