/** Built-in tour: 2PC blocks where 3PC does not (Skeen 1981; Gray and Lamport 2006), in compare
 * mode over `twopc:compare-tm-crash`'s script. */
import type { Tour } from '../types';

export const twoPcVsThreePc: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: '2pc-vs-3pc',
  title: { en: '2PC blocks, 3PC does not: the coordinator crashes', 'zh-CN': '2PC 会阻塞，3PC 不会：协调者崩溃' },
  description: { en: 'The same script side by side: two-phase commit on the left, three-phase commit on the right.', 'zh-CN': '同一个脚本并排运行：左边是两阶段提交，右边是三阶段提交。' },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'twopc',
    name: 'tour-2pc-vs-3pc',
    nodes: ['n1', 'n2', 'n3', 'n4'],
    seed: 1,
    params: { bugs: [], voteTimeout: 200, decisionTimeout: 150 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions: [{ at: 0, do: 'begin', node: 'n1', tx: '' }, { at: 15, do: 'crash', node: 'n1' }, { at: 1500, do: 'restart', node: 'n1' }],
    until: 1800,
    compare: { protocol: 'threepc', params: { bugs: [], voteTimeout: 200, ackTimeout: 200, waitTimeout: 400, stateWindow: 100 } },
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'n1 coordinates a transaction; n2, n3 and n4 take part. The left pane runs **two-phase commit**, the right pane **three-phase commit**, under the same script: the coordinator crashes at 15 ms and only recovers at 1500 ms.',
        'zh-CN': 'n1 协调一个事务；n2、n3、n4 参与。左侧运行**两阶段提交**，右侧运行**三阶段提交**，脚本相同：协调者在 15 毫秒时崩溃，直到 1500 毫秒才恢复。',
      },
    },
    {
      id: 'prepare',
      kind: 'wait',
      anchor: { event: { message: 'Prepare', kind: 'deliver' } },
      say: { en: 'The participants receive **Prepare** and vote Yes: from now on they may not decide alone.', 'zh-CN': '参与者收到 **Prepare** 并投赞成票：从此它们不能独自决定。' },
      show: { messages: { type: 'Prepared' } },
    },
    {
      id: 'crash',
      kind: 'wait',
      anchor: { event: { kind: 'crash' } },
      bind: 'T',
      say: { en: 'The coordinator {{T}} crashes while the Yes votes are in flight.', 'zh-CN': '协调者 {{T}} 在赞成票传输途中崩溃。' },
      show: { nodes: ['$T'], dim: true },
    },
    {
      id: 'blocked',
      kind: 'ask',
      anchor: { after: 0 },
      say: { en: 'In 2PC a prepared participant holds its locks until it learns the decision.', 'zh-CN': '在 2PC 中，已准备的参与者在得知决定之前一直持有锁。' },
      ask: {
        type: 'yesno',
        question: { en: 'In **2PC** (left), will any participant learn the outcome in the next second?', 'zh-CN': '在 **2PC**（左侧）中，接下来的一秒内会有参与者得知结果吗？' },
        answer: { happens: { kind: 'deliver', message: 'Abort' }, within: 1000 },
        explain: { en: 'Only the coordinator knows, and it is down; the others are as uncertain as they are.', 'zh-CN': '只有协调者知道结果，而它宕机了；其他参与者同样不确定。' },
      },
    },
    {
      id: 'side-by-side',
      kind: 'narrate',
      anchor: { after: 600 },
      say: {
        en: 'On the right, the 3PC participants timed out in state *w*, elected a backup among themselves and **aborted** at about 520 ms. On the left, 2PC is still blocked, prepared.',
        'zh-CN': '右侧的 3PC 参与者在状态 *w* 中超时，在它们之间选出一个后备协调者，并在约 520 毫秒时**中止**。左侧的 2PC 仍被阻塞在已准备状态。',
      },
      show: { spanFrom: 'crash' },
    },
    {
      id: 'recover',
      kind: 'task',
      anchor: { after: 0 },
      say: { en: 'Your turn: **restart** the coordinator {{T}} now (select it, then Restart), and play.', 'zh-CN': '轮到你了：现在**重启**协调者 {{T}}（选中它，再点重启），然后播放。' },
      show: { nodes: ['$T'] },
      task: { done: { kind: 'deliver', message: 'Abort' }, within: 800, demo: [{ do: 'restart', node: '$T' }] },
    },
    {
      id: 'aborted',
      kind: 'wait',
      // Abort delivered to n4, the last of the three participants to hear it (same latency,
      // delivered in id order): only then have all of them released their locks. A bare
      // "deliver, message Abort" would also match the coordinator answering a DecisionRequest.
      anchor: { event: { kind: 'deliver', node: 'n4', message: 'Abort' } },
      say: {
        en: 'The recovered coordinator had logged no decision, so it aborts, and the 2PC participants finally release their locks. 2PC waited for the coordinator; 3PC did not (but a partition can split 3PC: open `twopc:compare-partition`).',
        'zh-CN': '恢复后的协调者没有记录决定，于是中止，2PC 的参与者终于释放了锁。2PC 等待了协调者；3PC 没有（但网络分区会让 3PC 分裂：打开 `twopc:compare-partition`）。',
      },
    },
    { id: 'sandbox', kind: 'sandbox', anchor: { after: 0 }, say: { en: 'Free play: try crashing a participant, or partitioning the network.', 'zh-CN': '自由探索：试试让一个参与者崩溃，或者划分网络。' } },
  ],
};
