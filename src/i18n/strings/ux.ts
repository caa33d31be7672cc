/** Strings of the first-ten-minutes work (issue 17): the ring stage's figures, node actions
 * beside the selected node, the narrow top bar, the space-time colour key and heartbeat filter. */
export const en = {
  'ux.help.actions': 'Focus the selected node’s actions (beside it)',
  'ux.ring.fewKeys': 'Only {keys} keys on {n} servers: too few to compare with theory (about {need} or more).',
};

export const zhCN: Record<keyof typeof en, string> = {
  'ux.help.actions': '聚焦所选节点旁边的操作',
  'ux.ring.fewKeys': '{n} 台服务器上只有 {keys} 个键：样本太少，无法与理论比较（至少约 {need} 个）。',
};
