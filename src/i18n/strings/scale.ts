/** Strings of views that draw less when a run is large (issue 10; add keys to both languages). */
export const en = {
  'scale.historyLatest': 'Drawing {shown} of {count} operations: the latest {limit} of each client, and any in a violation.',
};

export const zhCN: Record<keyof typeof en, string> = {
  'scale.historyLatest': '绘制了 {count} 个操作中的 {shown} 个：每个客户端最近的 {limit} 个，以及违例涉及的操作。',
};
