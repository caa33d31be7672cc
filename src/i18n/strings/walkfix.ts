/** Strings from the new-user walk-through fixes (issue 17): decoder and import error details,
 * the kernel's reasons for an event that did nothing, a failed client request's reason. */
export const en = {
  'walk.link.notWhole': 'length {n} is not a whole number of bytes',
  'walk.link.charAt': 'character {ch} at position {pos}',
  'walk.import.formatMissing': 'format: missing (expected {a} or {b})',
  'walk.import.formatExpected': 'format: expected {a} or {b}',
  'walk.import.empty': 'file is empty',
  'walk.import.notJson': 'file is not valid JSON',
  'walk.reason.alreadyDown': 'already down',
  'walk.reason.alreadyUp': 'already up',
  'walk.reason.notPaused': 'not paused',
  'walk.reason.alreadyPaused': 'already paused',
  'walk.reason.noTimer': 'no pending timer',
  'walk.reason.nodeDown': 'node is down',
  'walk.reason.nodePaused': 'node is paused',
};

export const zhCN: Record<keyof typeof en, string> = {
  'walk.link.notWhole': '长度 {n} 不是整数个字节',
  'walk.link.charAt': '位置 {pos} 处的字符 {ch}',
  'walk.import.formatMissing': 'format：缺失（应为 {a} 或 {b}）',
  'walk.import.formatExpected': 'format：应为 {a} 或 {b}',
  'walk.import.empty': '文件为空',
  'walk.import.notJson': '文件不是有效的 JSON',
  'walk.reason.alreadyDown': '已经宕机',
  'walk.reason.alreadyUp': '已经在运行',
  'walk.reason.notPaused': '没有暂停',
  'walk.reason.alreadyPaused': '已经暂停',
  'walk.reason.noTimer': '没有待触发的计时器',
  'walk.reason.nodeDown': '节点已宕机',
  'walk.reason.nodePaused': '节点已暂停',
};
