import { describe, expect, it } from 'vitest';
import { translate, type StringKey } from '../../i18n';
import { roleName } from './labels';

describe('the lock service’s role names', () => {
  it('read in Chinese in Chinese', () => {
    const t = (key: StringKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
    for (const role of ['cell', 'storage', 'redis-client', 'db']) expect(roleName(t, role), role).not.toMatch(/^[a-z-]+$/);
    expect(roleName(t, 'redis-client')).toBe('Redis 客户端');
  });
});
