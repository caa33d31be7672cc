/** Strings of the first paint that lived in tables now loaded on demand (i18n/later.ts): the
 * cluster legend's roles heading (from paxos.ts). Add keys to both languages. */
export const en = {
  'cluster.legend.roles': 'roles',
};

export const zhCN: Record<keyof typeof en, string> = {
  'cluster.legend.roles': '角色',
};
