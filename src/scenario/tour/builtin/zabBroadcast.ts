/** Built-in tour: Zab's election, epochs and broadcast, and a leader crash mid-broadcast
 * (Junqueira, Reed and Serafini 2011; apache/zookeeper protocol-spec Zab.tla). */
import type { Tour } from '../types';

const write = (at: number, node: string, command: string) => ({ at, do: 'request', node, command });

export const zabBroadcast: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'zab-broadcast',
  title: { en: 'Zab: epochs, broadcast, and a leader that dies mid-broadcast', 'zh-CN': 'Zab：纪元、广播，以及在广播中途宕机的领导者' },
  description: {
    en: 'Fast leader election, a new epoch, zxid-ordered commits, and what a new leader keeps after you crash the old one.',
    'zh-CN': '快速领导者选举、新纪元、按 zxid 顺序提交，以及你让旧领导者崩溃后新领导者保留了什么。',
  },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'zab',
    name: 'tour-zab-broadcast',
    nodes: ['n1', 'n2', 'n3'],
    seed: 1,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions: [write(300, 'n1', 'x=1'), write(320, 'n2', 'y=2'), write(340, 'n1', 'z=3')],
    until: 3000,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'Three ZooKeeper servers start **LOOKING**, every log empty at epoch 0. Each votes for itself and sends its vote *(epoch, last zxid, id)*; a server adopts any vote that is newer in that order.',
        'zh-CN': '三台 ZooKeeper 服务器以 **LOOKING** 状态启动，日志都为空，纪元为 0。每台都投票给自己并发送选票 *(纪元, 最后的 zxid, 编号)*；服务器会采纳按此顺序更新的任何选票。',
      },
      show: { nodes: ['n1', 'n2', 'n3'] },
    },
    {
      id: 'predict',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'Epochs and zxids are all equal.', 'zh-CN': '所有纪元和 zxid 都相同。' },
      ask: {
        type: 'node',
        question: { en: 'Which server will **lead**?', 'zh-CN': '哪台服务器会成为**领导者**？' },
        answer: { nodeOf: { becomes: { state: 'LEADING' } } },
        explain: { en: 'With equal epochs and zxids the highest server id wins (FastLeaderElection’s total order).', 'zh-CN': '纪元和 zxid 相同时，编号最大的服务器获胜（FastLeaderElection 的全序）。' },
      },
    },
    {
      id: 'leader',
      kind: 'wait',
      anchor: { event: { becomes: { zabState: 'BROADCAST', state: 'LEADING' } } },
      bind: 'L',
      say: {
        en: '{{L}} collected CEPOCH from a quorum, chose **epoch 1**, synchronized its followers (DIFF, then NEWLEADER) and, once a quorum acknowledged, entered **BROADCAST**.',
        'zh-CN': '{{L}} 收到了多数派的 CEPOCH，选定**纪元 1**，同步了跟随者（先 DIFF，再 NEWLEADER），并在多数派确认后进入 **BROADCAST**。',
      },
      show: { nodes: ['$L'], dim: true },
    },
    {
      id: 'commit',
      kind: 'wait',
      anchor: { event: { message: 'COMMIT' } },
      say: {
        en: 'A client write became PROPOSE (1,1); a quorum logged it and sent ACK, so the leader sends **COMMIT**. Transactions commit in zxid order *(epoch, counter)*.',
        'zh-CN': '一次客户端写入变成了 PROPOSE (1,1)；多数派记录后回复 ACK，于是领导者发送 **COMMIT**。事务按 zxid *(纪元, 计数器)* 的顺序提交。',
      },
      show: { nodes: ['$L'], messages: { type: 'COMMIT' }, invariants: ['leader-log-completeness'] },
    },
    {
      id: 'crash',
      kind: 'task',
      anchor: { after: 100 },
      say: {
        en: 'Now **you** crash the leader: right-click {{L}} and choose *Crash*. Then play.',
        'zh-CN': '现在由**你**让领导者崩溃：右键点击 {{L}}，选择*崩溃*。然后播放。',
      },
      show: { nodes: ['$L'] },
      task: { done: { becomes: { zabState: 'BROADCAST', state: 'LEADING' } }, within: 2500, demo: [{ do: 'crash', node: '$L' }] },
    },
    {
      id: 'kept',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'A new leader is in broadcast, in a higher epoch.', 'zh-CN': '新的领导者已进入广播阶段，纪元更高。' },
      ask: {
        type: 'choice',
        question: { en: 'What happened to the transactions {{L}} had committed?', 'zh-CN': '{{L}} 已提交的事务怎么样了？' },
        options: [
          { id: 'kept', label: { en: 'The new leader holds every one of them', 'zh-CN': '新的领导者拥有全部这些事务' } },
          { id: 'lost', label: { en: 'Some are lost: they were only on {{L}}', 'zh-CN': '有些丢失了：它们只在 {{L}} 上' } },
        ],
        answer: { value: 'kept' },
        explain: {
          en: 'A committed transaction is logged on a quorum, and every election quorum overlaps it: the server with the newest history wins and brings the others up to date (leader log completeness).',
          'zh-CN': '已提交的事务记录在多数派上，而任何选举多数派都与之相交：历史最新的服务器获胜，并让其他服务器跟上（领导者日志完整性）。',
        },
      },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: {
        en: 'Free play. Switch on the *ack-newleader-before-flush* bug (New run) and try to lose a committed write: crash followers between NEWLEADER and their flush.',
        'zh-CN': '自由探索。打开 *ack-newleader-before-flush* 缺陷（新运行），试着让一次已提交的写入丢失：在 NEWLEADER 与刷盘之间让跟随者崩溃。',
      },
    },
  ],
};
