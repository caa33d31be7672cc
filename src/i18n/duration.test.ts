import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('durations in the reader’s language', () => {
  it('carry their units in Chinese as in English', () => {
    expect(formatDuration('en', 600)).toBe('600 ms');
    expect(formatDuration('en', 1200)).toBe('1.2 s');
    expect(formatDuration('en', 600_000)).toBe('10 min');
    expect(formatDuration('zh-CN', 600)).toBe('600 毫秒');
    expect(formatDuration('zh-CN', 1200)).toBe('1.2 秒');
    expect(formatDuration('zh-CN', 600_000)).toBe('10 分钟');
  });
});
