/** Built-in tour: single-decree Paxos, and why a later proposer must adopt the highest vote its
 * promises report (Lamport, Paxos Made Simple, 2.2–2.3; tlaplus/Examples Paxos.tla, Phase2a).
 * The student crashes the first proposer mid phase 2, then plays the second proposer. */
import type { Tour } from '../types';

export const paxosAdopt: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'paxos-adopt',
  title: { en: 'Paxos: why a second proposer must adopt the value it is told about', 'zh-CN': 'Paxos：为什么第二个提议者必须采纳它得知的值' },
  description: {
    en: 'Two phases, a proposer you crash after phase 1, and a second proposer whose own value loses to the one the acceptors report.',
    'zh-CN': '两个阶段；你在第一阶段之后让一个提议者崩溃；第二个提议者自己的值让位于接受者报告的值。',
  },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'paxos',
    name: 'tour-paxos-adopt',
    nodes: ['p1', 'p2', 'a1', 'a2', 'a3', 'l1'],
    seed: 1,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    // The link p1 → a3 is cut once phase 1 is through: only a1 and a2 will see p1's 2a.
    actions: [
      { at: 0, do: 'propose', node: 'p1', value: 'v1' },
      { at: 15, do: 'cut', from: 'p1', to: 'a3' },
    ],
    until: 600,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: '**p1** and **p2** propose, **a1**–**a3** accept, **l1** learns. A value is *chosen* once a majority of acceptors (2 of 3) vote for it in the same ballot. p1 owns the odd ballots, p2 the even ones.\n\np1\'s client asks it to get **v1** chosen.',
        'zh-CN': '**p1** 和 **p2** 是提议者，**a1**–**a3** 是接受者，**l1** 是学习者。当多数接受者（3 个中的 2 个）在同一选票中投给某个值时，该值即被*选定*。p1 拥有奇数选票，p2 拥有偶数选票。\n\np1 的客户端请它让 **v1** 被选定。',
      },
      show: { nodes: ['a1', 'a2', 'a3'] },
    },
    {
      id: 'phase1',
      kind: 'wait',
      anchor: { event: { node: 'p1', message: '1b', kind: 'deliver' } },
      say: {
        en: 'Phase 1: p1 sent **1a** (ballot 1). Each acceptor *promises* to ignore lower ballots and answers **1b** with the last vote it cast: none yet.',
        'zh-CN': '第一阶段：p1 发送了 **1a**（选票 1）。每个接受者*承诺*忽略更低的选票，并用 **1b** 回复它投过的最后一票：目前还没有。',
      },
      show: { nodes: ['p1'], messages: { type: '1b', to: 'p1' } },
    },
    {
      id: 'phase2',
      kind: 'wait',
      anchor: { event: { node: 'p1', becomes: { phase: 'p2' } } },
      say: {
        en: 'With promises from a majority and no vote reported, p1 is free to propose its own value: it sends **2a(1, v1)**. The link to a3 has just been cut, so only a1 and a2 will get it.',
        'zh-CN': '收到多数派的承诺，且没有报告任何投票，p1 可以自由提议自己的值：它发送 **2a(1, v1)**。到 a3 的链路刚被切断，所以只有 a1 和 a2 会收到。',
      },
      show: { nodes: ['p1'], messages: { type: '2a', from: 'p1' }, dim: true },
    },
    {
      id: 'crash',
      kind: 'task',
      anchor: { after: 0 },
      say: {
        en: 'Now **you** crash p1, with its 2a messages still on the wire: right-click p1 and choose *Crash*. Then play.',
        'zh-CN': '现在由**你**让 p1 崩溃，此时它的 2a 消息还在路上：右键点击 p1，选择*崩溃*。然后播放。',
      },
      show: { nodes: ['p1'] },
      // Done when the acceptors' 2b replies find p1 down (lost), which only a crash causes.
      task: { done: { kind: 'lost', node: 'p1', message: '2b' }, within: 200, demo: [{ do: 'crash', node: 'p1' }] },
    },
    {
      id: 'chosen',
      kind: 'wait',
      anchor: { event: { node: 'l1', becomes: { learned: 'v1' } } },
      say: {
        en: 'a1 and a2 voted for v1 in ballot 1: **v1 is chosen**, and l1 learned it. But p1 is down, so its client never hears back. Nothing stops another proposer from trying.',
        'zh-CN': 'a1 和 a2 在选票 1 中投给了 v1：**v1 已被选定**，l1 也学到了它。但 p1 已宕机，它的客户端永远得不到答复。没有什么能阻止另一个提议者再次尝试。',
      },
      show: { nodes: ['a1', 'a2', 'l1'], dim: true },
    },
    {
      id: 'propose',
      kind: 'task',
      anchor: { after: 0 },
      say: {
        en: 'Be p2\'s client: select **p2** and propose **v2** (the command bar, or right-click p2). Then play.',
        'zh-CN': '扮演 p2 的客户端：选中 **p2** 并提议 **v2**（命令栏，或右键点击 p2）。然后播放。',
      },
      show: { nodes: ['p2'] },
      task: { done: { node: 'p2', message: '1b', kind: 'deliver' }, within: 200, demo: [{ do: 'propose', node: 'p2', value: 'v2' }] },
    },
    {
      id: 'predict',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'p2 sent 1a for ballot 2. a3 never voted; a1 and a2 did.', 'zh-CN': 'p2 为选票 2 发送了 1a。a3 从未投票；a1 和 a2 投过。' },
      ask: {
        type: 'yesno',
        question: { en: 'Will p2 send its own value **v2** in phase 2?', 'zh-CN': 'p2 会在第二阶段发送它自己的值 **v2** 吗？' },
        answer: { happens: { node: 'p2', becomes: { proposedVal: 'v2' } }, within: 300 },
        explain: {
          en: 'Every majority of a1–a3 contains a1 or a2, so at least one 1b reports the vote (1, v1). A proposer must propose the value of the highest-ballot vote its majority reports (Phase2a in Paxos.tla): v1 may be chosen, and here it is.',
          'zh-CN': 'a1–a3 的任何多数派都包含 a1 或 a2，所以至少有一个 1b 报告投票 (1, v1)。提议者必须提议其多数派报告的最高选票中的值（Paxos.tla 中的 Phase2a）：v1 可能已被选定，而这里它确实已被选定。',
        },
      },
    },
    {
      id: 'adopted',
      kind: 'wait',
      anchor: { event: { node: 'p2', becomes: { phase: 'p2' } } },
      say: {
        en: 'p2 sends **2a(2, v1)**: v1, not v2. Its ballot is new, its value is not.',
        'zh-CN': 'p2 发送 **2a(2, v1)**：是 v1，而不是 v2。它的选票是新的，值却不是。',
      },
      show: { nodes: ['p2'], messages: { type: '2a', from: 'p2' }, invariants: ['votes-safe', 'consensus'] },
    },
    {
      id: 'answered',
      kind: 'wait',
      anchor: { event: { node: 'p2', becomes: { phase: 'done' } } },
      say: {
        en: 'A majority voted for v1 again in ballot 2, and p2 tells its client: **v1** was chosen. Asking for v2 is a request, not an order: once a value is chosen, every later ballot chooses it again (*Consensus*).',
        'zh-CN': '多数派在选票 2 中再次投给 v1，p2 告诉它的客户端：被选定的是 **v1**。请求 v2 只是请求，而非命令：一旦某个值被选定，之后的每个选票都会再次选定它（*共识*）。',
      },
      show: { nodes: ['p2'], invariants: ['consensus', 'learn-sound'] },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: {
        en: 'Free play. Open `paxos:ignore-promised-votes-bug` to see a proposer that skips this rule, and `paxos:dueling-proposers` for two proposers that keep preempting each other.',
        'zh-CN': '自由探索。打开 `paxos:ignore-promised-votes-bug`，看看跳过这条规则的提议者；打开 `paxos:dueling-proposers`，看看两个不断相互抢占的提议者。',
      },
    },
  ],
};
