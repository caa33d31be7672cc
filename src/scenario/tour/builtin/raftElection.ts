/** Built-in tour: Raft leader election (Ongaro and Ousterhout 2014, section 5.2). The model
 * for other built-in tours: a scenario, then steps anchored on events, not times. */
import type { Tour } from '../types';

export const raftElection: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'raft-election',
  title: { en: 'Raft: who becomes leader, and what happens when it dies?', 'zh-CN': 'Raft：谁成为领导者？领导者宕机后会怎样？' },
  description: { en: 'Randomized election timeouts, votes, heartbeats, and a new election after you crash the leader.', 'zh-CN': '随机选举超时、投票、心跳，以及你让领导者崩溃后的新一轮选举。' },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'raft',
    name: 'tour-election',
    nodes: ['n1', 'n2', 'n3', 'n4', 'n5'],
    seed: 7,
    params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 30], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions: [],
    until: 3000,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'Five servers start as **followers**. Each runs an *election timer* with a random length, between 150 and 300 ms here.\n\nA follower that hears nothing from a leader before its timer fires starts an election.',
        'zh-CN': '五台服务器都以**跟随者**身份启动。每台都有一个长度随机的*选举计时器*，这里在 150 到 300 毫秒之间。\n\n跟随者如果在计时器到期前没有收到领导者的消息，就会发起选举。',
      },
      show: { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'] },
    },
    {
      id: 'predict',
      kind: 'ask',
      // 140 ms in, before the first timer fires (about 160 ms): at 0 ms every arc is empty and
      // nothing tells the servers apart (walk-through).
      anchor: { after: 140 },
      say: {
        en: 'Look at the timer arcs around the servers: each grows clockwise as that server’s election timer runs out.',
        'zh-CN': '看看服务器周围的计时器圆弧：每条圆弧随该服务器的选举计时器流逝而顺时针增长。',
      },
      ask: {
        type: 'node',
        question: { en: 'Which server will become a **candidate** first?', 'zh-CN': '哪台服务器会最先成为**候选者**？' },
        answer: { nodeOf: { becomes: { role: 'candidate' } } },
        explain: { en: 'The server whose timer has the least time left fires first.', 'zh-CN': '剩余时间最短的计时器最先到期。' },
      },
    },
    {
      id: 'candidate',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'candidate' } } },
      bind: 'C',
      say: {
        en: '{{C}} timed out. It increments its term, votes for itself and sends **RequestVote** to every other server.',
        'zh-CN': '{{C}} 超时了。它把任期加一，给自己投票，并向其他所有服务器发送 **RequestVote**。',
      },
      show: { nodes: ['$C'], messages: { type: 'RequestVote', from: '$C' }, dim: true },
    },
    {
      id: 'elected',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leader' } } },
      bind: 'L',
      say: {
        en: '{{L}} has votes from a majority (3 of 5) and becomes **leader**. Each server votes at most once per term, so there is at most one leader per term (*Election Safety*).',
        'zh-CN': '{{L}} 获得了多数（5 票中的 3 票）并成为**领导者**。每台服务器每个任期最多投一票，所以每个任期最多只有一个领导者（*选举安全性*）。',
      },
      show: { nodes: ['$L'], invariants: ['election-safety'], dim: true },
    },
    {
      id: 'heartbeats',
      kind: 'narrate',
      anchor: { after: 150 },
      say: {
        en: 'The leader sends empty **AppendEntries** as heartbeats. Each one resets a follower\'s election timer, so no one else starts an election.',
        'zh-CN': '领导者发送空的 **AppendEntries** 作为心跳。每次心跳都会重置跟随者的选举计时器，所以没有别人发起选举。',
      },
      show: { nodes: ['$L'], messages: { type: 'AppendEntries', from: '$L' }, spanFrom: 'elected' },
    },
    {
      id: 'crash',
      kind: 'task',
      anchor: { after: 0 },
      say: {
        en: 'Now **you** crash the leader: right-click {{L}} (or select it and press the crash button) and choose *Crash*. Then play.',
        'zh-CN': '现在由**你**让领导者崩溃：右键点击 {{L}}（或选中它再按崩溃按钮），选择*崩溃*。然后播放。',
      },
      show: { nodes: ['$L'] },
      task: { done: { becomes: { role: 'leader' } }, within: 3000, demo: [{ do: 'crash', node: '$L' }] },
    },
    {
      id: 'new-leader',
      kind: 'narrate',
      // The task's outcome itself: the tour stops where the new leader was elected.
      anchor: { event: { becomes: { role: 'leader' } } },
      bind: 'N',
      say: { en: 'The heartbeats stopped, a follower timed out, and {{N}} is the new leader. Four servers are still a majority of five.', 'zh-CN': '心跳停止后，一个跟随者超时，{{N}} 成为新的领导者。四台服务器仍然是五台中的多数。' },
      show: { nodes: ['$N', '$L'], dim: true },
    },
    {
      id: 'why-term',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'Select {{N}} and compare its term with {{L}}’s.', 'zh-CN': '选中 {{N}}，比较它和 {{L}} 的任期。' },
      ask: {
        type: 'choice',
        question: { en: 'Why does {{N}} have a **higher term** than {{L}}?', 'zh-CN': '为什么 {{N}} 的**任期**比 {{L}} 高？' },
        options: [
          { id: 'crash', label: { en: 'A crash increments every server\'s term', 'zh-CN': '崩溃会让每台服务器的任期加一' } },
          { id: 'candidate', label: { en: 'A candidate increments its term before asking for votes', 'zh-CN': '候选者在请求投票之前把任期加一' } },
        ],
        answer: { value: 'candidate' },
        explain: { en: 'Terms only grow when a server starts an election, or learns of a higher term from a message.', 'zh-CN': '任期只在服务器发起选举、或从消息中得知更高任期时增长。' },
      },
    },
    {
      id: 'fork',
      kind: 'branch',
      anchor: { after: 0 },
      say: { en: 'What next?', 'zh-CN': '接下来做什么？' },
      branch: {
        choices: [
          { label: { en: 'Restart {{L}}', 'zh-CN': '重启 {{L}}' }, inject: [{ do: 'restart', node: '$L' }], goto: 'rejoin' },
          { label: { en: 'Crash {{N}} too', 'zh-CN': '让 {{N}} 也崩溃' }, inject: [{ do: 'crash', node: '$N' }], goto: 'third' },
        ],
      },
    },
    {
      id: 'rejoin',
      kind: 'wait',
      anchor: { event: { node: '$L', message: 'AppendEntries', kind: 'deliver' } },
      say: { en: '{{L}} restarts as a follower and hears from {{N}}: it adopts the higher term and follows.', 'zh-CN': '{{L}} 以跟随者身份重启，收到 {{N}} 的消息后采用更高的任期并跟随它。' },
      show: { nodes: ['$L', '$N'] },
      next: 'sandbox',
    },
    {
      id: 'third',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leader' } } },
      bind: 'T',
      say: { en: 'Three servers are left, still a majority of five: {{T}} is elected. Crash one more and no one can be.', 'zh-CN': '还剩三台服务器，仍是五台中的多数：{{T}} 当选。再崩溃一台，就没有人能当选了。' },
      show: { nodes: ['$T'] },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: { en: 'Free play. Can you make two servers *believe* they are leader at the same time (in different terms)?', 'zh-CN': '自由探索。你能让两台服务器同时*认为*自己是领导者（在不同任期）吗？' },
    },
  ],
};
