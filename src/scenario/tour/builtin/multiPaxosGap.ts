/** Built-in tour: Multi-Paxos, a leader, slots, and a gap a new leader fills with a no-op (Lamport,
 * Paxos Made Simple, section 3; tlaplus/Examples MultiPaxos-SMR), over `multipaxos:gap-noop`'s
 * script up to the moment the student crashes the leader. */
import type { Tour } from '../types';

const request = (at: number, command: string) => ({ at, do: 'request', node: 'n1', command });
const cut = (at: number, to: string) => ({ at, do: 'cut' as const, from: 'n1', to });

export const multiPaxosGap: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'multipaxos-gap',
  title: { en: 'Multi-Paxos: a leader, its slots, and a gap filled with a no-op', 'zh-CN': 'Multi-Paxos：领导者、日志槽，以及用空操作填补的空洞' },
  description: {
    en: 'One Prepare for every slot, commands in phase 2 alone, and what a new leader puts in a slot nobody voted for after you crash the old one.',
    'zh-CN': '一次 Prepare 覆盖所有日志槽，命令只需第二阶段；你让旧领导者崩溃后，新领导者会在无人投票的槽里放什么。',
  },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'multipaxos',
    name: 'tour-multipaxos-gap',
    nodes: ['n1', 'n2', 'n3'],
    seed: 1,
    params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    // x=4's Accepts die on both cut links; y=5's reach n2 only (n1 → n3 stays cut).
    actions: [{ at: 0, do: 'timeout', node: 'n1' }, request(25, 'x=1'), cut(50, 'n2'), cut(50, 'n3'), request(50, 'x=4'), { at: 61, do: 'heal' }, cut(61, 'n3'), request(62, 'y=5')],
    until: 900,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'Three replicas keep a **log of slots**; each slot is one single-decree Paxos instance. Every replica is an acceptor and may lead: n1 owns ballots 1, 4, 7…, n2 owns 2, 5, 8…, n3 owns 3, 6, 9…\n\nn1 is made to start an election at once.',
        'zh-CN': '三个副本维护一个**日志槽序列**；每个槽是一个单值 Paxos 实例。每个副本都是接受者，也都可以成为领导者：n1 拥有选票 1、4、7…，n2 拥有 2、5、8…，n3 拥有 3、6、9…\n\nn1 被安排立即发起选举。',
      },
      show: { nodes: ['n1', 'n2', 'n3'] },
    },
    {
      id: 'leader',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leading' } } },
      bind: 'L',
      say: {
        en: '{{L}} sent **one Prepare for every slot** and a majority promised: it leads ballot 1. From now on each client command needs phase 2 only, one Accept round per slot.',
        'zh-CN': '{{L}} 为**所有日志槽发送了一次 Prepare**，多数派作出承诺：它领导选票 1。此后每个客户端命令只需第二阶段，每个槽一轮 Accept。',
      },
      show: { nodes: ['$L'], messages: { type: 'Heartbeat', from: '$L' }, dim: true },
    },
    {
      id: 'slot1',
      kind: 'wait',
      anchor: { event: { node: '$L', becomes: { commitUpTo: 1 } } },
      say: {
        en: 'x=1 went to **slot 1** in an Accept; a majority voted (AcceptReply), so {{L}} commits it and sends commit notices.',
        'zh-CN': 'x=1 通过 Accept 放入**槽 1**；多数派投了票（AcceptReply），于是 {{L}} 提交它并发送提交通知。',
      },
      show: { nodes: ['$L'], messages: { type: 'CommitNotice', from: '$L' } },
    },
    {
      id: 'lost',
      kind: 'wait',
      anchor: { event: { kind: 'lost', message: 'Accept' } },
      say: {
        en: 'The next command, x=4, went to **slot 2**, but both links from {{L}} are cut: its Accepts are **lost**. Nobody but {{L}} voted for slot 2.',
        'zh-CN': '下一个命令 x=4 放入**槽 2**，但 {{L}} 的两条出链都被切断：它的 Accept **丢失**了。除了 {{L}}，没有人为槽 2 投票。',
      },
      show: { nodes: ['$L'], spanFrom: 'slot1' },
    },
    {
      id: 'slot3',
      kind: 'wait',
      anchor: { event: { node: '$L', kind: 'command' } },
      say: {
        en: 'The links are back, except {{L}} → n3. The next command, y=5, goes to **slot 3**: its Accept will reach n2 only. With {{L}}\'s own vote, that is a majority.',
        'zh-CN': '链路恢复了，只有 {{L}} → n3 仍被切断。下一个命令 y=5 放入**槽 3**：它的 Accept 只会到达 n2。加上 {{L}} 自己的一票，就是多数派。',
      },
      show: { nodes: ['$L', 'n2'], messages: { type: 'Accept', from: '$L' } },
    },
    {
      id: 'crash',
      kind: 'task',
      anchor: { after: 0 },
      say: {
        en: 'Now **you** crash the leader before its next heartbeat resends slot 2: right-click {{L}} and choose *Crash*. Then play.',
        'zh-CN': '现在由**你**在领导者下一次心跳重发槽 2 之前让它崩溃：右键点击 {{L}}，选择*崩溃*。然后播放。',
      },
      show: { nodes: ['$L'] },
      // Done when n2's vote for slot 3 finds the leader down: only a crash makes it lost.
      task: { done: { kind: 'lost', node: '$L', message: 'AcceptReply' }, within: 200, demo: [{ do: 'crash', node: '$L' }] },
    },
    {
      id: 'predict',
      kind: 'ask',
      anchor: { after: 0 },
      say: {
        en: 'y=5 is chosen in slot 3 (n2 and {{L}} voted), but nobody was told, and slot 2 holds no vote anywhere but on {{L}}.',
        'zh-CN': 'y=5 已在槽 3 被选定（n2 和 {{L}} 投了票），但没有人被告知；槽 2 除了 {{L}} 之外，任何地方都没有投票。',
      },
      ask: {
        type: 'node',
        question: { en: 'Which replica will **lead** next?', 'zh-CN': '哪个副本会成为下一个**领导者**？' },
        answer: { nodeOf: { becomes: { role: 'leading' } } },
        explain: {
          en: 'The first replica whose election timer fires sends its Prepare, and the other live replica promises: two of three is a majority, whichever of them it is.',
          'zh-CN': '选举计时器最先到期的副本发送 Prepare，另一个存活的副本作出承诺：三个中的两个就是多数派，无论是哪一个。',
        },
      },
    },
    {
      id: 'new-leader',
      kind: 'wait',
      anchor: { event: { becomes: { role: 'leading' } } },
      bind: 'N',
      say: {
        en: '{{N}} leads a higher ballot. The Prepare replies of its majority report a vote for **y=5 in slot 3**, and **nothing for slot 2**.',
        'zh-CN': '{{N}} 领导一个更高的选票。其多数派的 Prepare 回复报告了**槽 3 中 y=5** 的投票，而**槽 2 没有任何投票**。',
      },
      show: { nodes: ['$N'], messages: { type: 'Accept', from: '$N' }, dim: true },
    },
    {
      id: 'gap',
      kind: 'ask',
      anchor: { after: 0 },
      say: {
        en: '{{N}} has just sent its Accepts, one per slot from 1 to 3: its row in the **slot log** below shows what it proposes.',
        'zh-CN': '{{N}} 刚刚发送了它的 Accept，从槽 1 到槽 3 每个槽一个：下方**日志槽**中它的那一行显示了它提议的内容。',
      },
      ask: {
        type: 'choice',
        question: { en: 'What does {{N}} propose for **slot 2**?', 'zh-CN': '{{N}} 为**槽 2** 提议什么？' },
        options: [
          { id: 'x4', label: { en: 'x=4, the command {{L}} had sent there', 'zh-CN': 'x=4，即 {{L}} 曾发往那里的命令' } },
          { id: 'skip', label: { en: 'Nothing: slot 2 stays empty and y=5 applies', 'zh-CN': '什么都不提议：槽 2 保持为空，y=5 照常应用' } },
          { id: 'noop', label: { en: 'A no-op', 'zh-CN': '一个空操作' } },
        ],
        answer: { value: 'noop' },
        explain: {
          en: 'No reply reports a vote in slot 2, so nothing can have been chosen there; x=4 is known to {{L}} alone. The leader fills the gap with a **no-op**, so that slot 3 can be applied: replicas apply slots in order, never across a gap (Paxos Made Simple, section 3). It re-proposes y=5 in slot 3, as a single-decree proposer must.',
          'zh-CN': '没有回复报告槽 2 中的投票，所以那里不可能已选定任何值；x=4 只有 {{L}} 知道。领导者用**空操作**填补空洞，这样槽 3 才能被应用：副本按顺序应用日志槽，绝不跨过空洞（Paxos Made Simple 第 3 节）。它在槽 3 中重新提议 y=5，正如单值提议者必须做的那样。',
        },
      },
    },
    {
      id: 'applied',
      kind: 'wait',
      anchor: { event: { node: '$N', becomes: { commitUpTo: 3 } } },
      say: {
        en: 'Slots 1–3 are committed: x=1, a no-op, y=5, and replicas apply them in that order. x=4 is gone: it was never chosen, and its client was never told it was.',
        'zh-CN': '槽 1–3 都已提交：x=1、空操作、y=5，副本按此顺序应用它们。x=4 消失了：它从未被选定，它的客户端也从未被告知已选定。',
      },
      show: { nodes: ['$N'], invariants: ['consistency', 'chosen-is-proposed-above'] },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: {
        en: 'Free play. Restart {{L}} and watch it catch up, or open `multipaxos:ignore-prepare-votes-bug` to see a leader that takes an occupied slot for free.',
        'zh-CN': '自由探索。重启 {{L}}，看它追上进度；或打开 `multipaxos:ignore-prepare-votes-bug`，看看把已被占用的槽当作空闲的领导者。',
      },
    },
  ],
};
