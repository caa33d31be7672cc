/** Strings of the progress shown while a large run is recorded (add keys to both languages). */
export const en = {
  'loading.title': 'Recording the run',
  'loading.progress': '{events} events, {time} ms of {until} ms simulated',
  'loading.cancel': 'Cancel',
  'loading.cancelHint': 'Cancel keeps the run you had.',
};

export const zhCN: Record<keyof typeof en, string> = {
  'loading.title': '正在记录运行',
  'loading.progress': '已有 {events} 个事件，已模拟 {time} 毫秒（共 {until} 毫秒）',
  'loading.cancel': '取消',
  'loading.cancelHint': '取消后保留原来的运行。',
};
