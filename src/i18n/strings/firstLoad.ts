/** Strings of the first paint that lived in tables now loaded on demand (i18n/later.ts): the
 * cluster legend's roles heading (from paxos.ts), the top bar's Tours, Embed, Compare and
 * Find-a-bug buttons (tours.ts, embed.ts, compare.ts, explorer.ts) and the session's notices
 * that any run can raise (transactions.ts). Add keys to both languages. */
export const en = {
  'cluster.legend.roles': 'roles',
  'tours.open': 'Tours',
  'tours.openTip': 'Guided tours: narrated runs with questions and tasks',
  'embed.open': 'Embed…',
  'embed.openTip': 'Copy the code of an iframe that shows this run on another page (a course site)',
  'bar.explore': 'Find a bug…',
  'bar.compare': 'Compare…',
  'bar.compareTip': 'Run the same nodes and fault script under another protocol, side by side (W)',
  'bar.exploreTip': 'Search random fault schedules for an invariant violation and shrink it to a short run (F)',
  'notice.compareViolation': 'Playback paused: the compared run broke an invariant ({detail}).',
  'notice.compareFailed': 'Compare mode could not start: {detail}. Your run is unchanged.',
  'notice.extended': 'The run was at its end, so it now goes on to {detail} ms: press Play to see your action play out.',
  'notice.actionRefused': 'That action was not recorded: {detail}.',
  'notice.otherRunMessage': 'Drop, duplicate and delay act on the left run’s messages: a message of the compared run has no counterpart there.',
};

export const zhCN: Record<keyof typeof en, string> = {
  'cluster.legend.roles': '角色',
  'tours.open': '导览',
  'tours.openTip': '引导式导览：带讲解、提问和任务的运行',
  'embed.open': '嵌入…',
  'embed.openTip': '复制 iframe 代码，在其他网页（如课程网站）中展示此运行',
  'bar.explore': '找 bug…',
  'bar.compare': '对比…',
  'bar.compareTip': '在另一个协议下运行相同的节点和故障脚本，并排显示（W）',
  'bar.exploreTip': '在随机故障序列中搜索违反不变式的运行，并把它缩减成简短的运行 (F)',
  'notice.compareViolation': '播放已暂停：对比的运行违反了不变式（{detail}）。',
  'notice.compareFailed': '无法开启对比模式：{detail}。你的运行没有改变。',
  'notice.extended': '运行已到结尾，现已延长到 {detail} 毫秒：按播放查看你的操作如何展开。',
  'notice.actionRefused': '该操作未被记录：{detail}。',
  'notice.otherRunMessage': '丢弃、复制和延迟作用于左侧运行的消息：对比运行中的消息在那里没有对应。',
};
