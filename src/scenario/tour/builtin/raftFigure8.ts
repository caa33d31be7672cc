/** Built-in tour: Raft log replication and Figure 8 (Ongaro and Ousterhout 2014, sections 5.3,
 * 5.4.2 and Figure 8), over the curated `raft:figure-8-bug` (by id), the commit-previous-term bug on. */
import type { TourInput } from '../types';

export const raftFigure8: TourInput = {
  format: 'faultline-tour',
  version: 1,
  id: 'raft-figure-8',
  title: { en: 'Raft: log replication, and why Figure 8 needs a rule', 'zh-CN': 'Raft：日志复制，以及图 8 为什么需要一条规则' },
  description: {
    en: 'Entries travel in AppendEntries and commit on a majority, until a leader counts replicas of an old term: the run of Figure 8, with that bug switched on.',
    'zh-CN': '日志条目随 AppendEntries 传播，在多数派保存后提交；直到某个领导者为旧任期的条目计数副本：图 8 的运行，打开了这个错误开关。',
  },
  // The curated run itself (src/protocols/raft/scenarios.ts): the tour follows it when it changes.
  scenarioId: 'raft:figure-8-bug',
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'A leader appends each client command to its log and sends it in **AppendEntries**. An entry is *committed* once a majority stores it.\n\nThis run replays **Figure 8** of the Raft paper, with one bug switched on: a leader may commit an entry of an *earlier* term by counting its replicas.',
        'zh-CN': '领导者把每条客户端命令追加到日志，并通过 **AppendEntries** 发送。多数派保存后，条目即被*提交*。\n\n这次运行重演 Raft 论文的**图 8**，并打开了一个错误开关：领导者可以通过计数副本来提交*更早*任期的条目。',
      },
    },
    {
      id: 'leader',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leader' } } },
      bind: 'L',
      say: { en: '{{L}} leads term 1. Watch x=1 go out in AppendEntries.', 'zh-CN': '{{L}} 领导任期 1。看 x=1 随 AppendEntries 发出。' },
      show: { nodes: ['$L'], messages: { type: 'AppendEntries', from: '$L' } },
    },
    {
      id: 'x-committed',
      kind: 'wait',
      anchor: { event: { node: '$L', becomes: { commitIndex: 1 } } },
      say: { en: 'A majority stored x=1, so {{L}} commits it (index 1). Then n3, n4 and n5 crash, and y=2 reaches only n2.', 'zh-CN': '多数派保存了 x=1，所以 {{L}} 提交了它（索引 1）。随后 n3、n4、n5 崩溃，y=2 只到达了 n2。' },
      show: { entries: [{ node: '$L', index: 1 }], spanFrom: 'leader' },
    },
    {
      id: 'who-term-4',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'Leaders come and go in terms 2 and 3.', 'zh-CN': '在任期 2 和 3 中领导者来来去去。' },
      ask: {
        type: 'node',
        question: { en: 'Which server will lead **term 4**?', 'zh-CN': '哪台服务器会领导**任期 4**？' },
        answer: { nodeOf: { becomes: { role: 'leader', currentTerm: 4 } } },
        explain: { en: 'Its last log term (2) is higher than the others\' (1), so it can win votes even with a shorter log.', 'zh-CN': '它最后一条日志的任期（2）比其他服务器的（1）更高，所以即使日志更短，也能赢得投票。' },
      },
    },
    {
      id: 'term-3',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leader', currentTerm: 3 } } },
      bind: 'C',
      say: {
        en: '{{C}} leads term 3 and copies y=2 (an entry of **term 1**) to a majority. With the bug, it counts those replicas and commits y=2.',
        'zh-CN': '{{C}} 领导任期 3，并把 y=2（一条**任期 1** 的条目）复制到多数派。由于这个错误，它计数这些副本并提交了 y=2。',
      },
      show: { nodes: ['$C'], entries: [{ node: '$C', index: 2 }], messages: { type: 'AppendEntries', from: '$C' } },
    },
    {
      id: 'violation',
      kind: 'wait',
      anchor: { event: { violation: true } },
      bind: 'N',
      say: {
        en: 'A new leader overwrites index 2 with its own entry: a **committed** entry is gone. *State Machine Safety* breaks.\n\nThe rule (section 5.4.2): a leader only commits entries of its own term by counting; older ones commit with them.',
        'zh-CN': '新的领导者用自己的条目覆盖了索引 2：一条**已提交**的条目消失了。*状态机安全性*被破坏。\n\n规则（第 5.4.2 节）：领导者只通过计数提交自己任期的条目；更早的条目随之一起提交。',
      },
      show: { invariants: ['state-machine-safety', 'leader-completeness'], spanFrom: 'term-3' },
    },
    {
      id: 'your-write',
      kind: 'task',
      anchor: { after: 0 },
      say: {
        en: 'Your turn: send a write to the current leader (select it, press **Q**), and watch it replicate.',
        'zh-CN': '轮到你了：向当前领导者发送一次写入（选中它，按 **Q**），看它被复制。',
      },
      task: { done: { becomes: { commitIndex: 3 } }, within: 1000, demo: [{ do: 'request', node: 'n5', command: 'w=4' }] },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: {
        en: 'Free play. Open `raft:figure-8` from the scenarios to see the same script with the bug off: y=2 is never committed there, so overwriting it is safe.',
        'zh-CN': '自由探索。从场景中打开 `raft:figure-8`，看看关闭错误开关后的同一脚本：那里 y=2 从未被提交，所以覆盖它是安全的。',
      },
    },
  ],
};
