/** Strings of the first-ten-minutes work (issue 17): the ring stage's figures, node actions
 * beside the selected node, the narrow top bar, the space-time colour key and heartbeat filter. */
export const en = {
  'ux.heartbeats.hide': 'Hide heartbeats',
  'ux.heartbeats.tip': 'Hide messages that carry nothing new (an empty AppendEntries) in the space-time diagram and the cluster view',
  'ux.typeKey': 'Message colours',
  'ux.bar.menu': 'Menu',
  'ux.help.actions': 'Focus the selected node’s actions (beside it)',
  'ux.ring.fewKeys': 'Only {keys} keys on {n} servers: too few to compare with theory (about {need} or more).',
  'ux.more.below': 'More below',
  'ux.more.belowTip': 'These panels go on below: scroll down, or click to move down a screen',
};

export const zhCN: Record<keyof typeof en, string> = {
  'ux.heartbeats.hide': '隐藏心跳',
  'ux.heartbeats.tip': '在时空图和集群视图中隐藏不携带新内容的消息（空的 AppendEntries）',
  'ux.typeKey': '消息颜色',
  'ux.bar.menu': '菜单',
  'ux.help.actions': '聚焦所选节点旁边的操作',
  'ux.ring.fewKeys': '{n} 台服务器上只有 {keys} 个键：样本太少，无法与理论比较（至少约 {need} 个）。',
  'ux.more.below': '下方还有',
  'ux.more.belowTip': '这些面板在下方还有内容：向下滚动，或点击这里下移一屏',
};
