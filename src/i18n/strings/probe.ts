/** Strings of the look-ahead (issue 17 item 4): what a freshly opened scenario's script holds
 * before the run reaches it. */
export const en = {
  'probe.notReached': '({n} not reached yet)',
  'probe.violationAhead': '{invariant} at step {step}, {time} ms (not reached yet)',
  'probe.faultAhead': '(not reached yet)',
  'probe.countsTip': 'Counted over the whole scripted run; faults and violations ahead of what has played are drawn faded.',
};

export const zhCN: Record<keyof typeof en, string> = {
  'probe.notReached': '（{n} 个尚未到达）',
  'probe.violationAhead': '{invariant}，第 {step} 步，{time} 毫秒（尚未到达）',
  'probe.faultAhead': '（尚未到达）',
  'probe.countsTip': '按整个脚本运行计数；尚未播放到的故障和违反以淡色显示。',
};
