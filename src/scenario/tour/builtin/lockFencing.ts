/** Built-in tour: a Chubby-style lock, Kleppmann's GC pause and the fencing token that saves the
 * data, then a master fail-over (Burrows 2006 §2.4, §2.8–2.9; Kleppmann 2016). */
import type { Tour } from '../types';

const acquire = (at: number, node: string) => ({ at, do: 'acquire', node, lock: 'L' });
const write = (at: number, node: string, value: string) => ({ at, do: 'write', node, lock: 'L', value });

export const lockFencing: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'lock-fencing',
  title: { en: 'Locks need fencing tokens: a GC pause past the lease', 'zh-CN': '锁需要防护令牌：超过租约的 GC 停顿' },
  description: {
    en: 'A client holds a lock, pauses past its lease, and writes anyway; storage rejects the stale token. Then you crash the master.',
    'zh-CN': '一个客户端持有锁，停顿超过了租约，醒来后仍然写入；存储拒绝了过期的令牌。然后由你让主节点崩溃。',
  },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'lock',
    name: 'tour-lock-fencing',
    nodes: ['db', 'm1', 'm2', 'c1', 'c2', 'store'],
    seed: 1,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions: [acquire(300, 'c1'), write(400, 'c1', 'a'), { at: 410, do: 'pause', node: 'c1' }, acquire(1000, 'c2'), write(1900, 'c2', 'b'), { at: 2100, do: 'resume', node: 'c1' }],
    until: 5000,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: '**db** is the lock cell’s database, **m1** and **m2** its cell nodes (one is elected master), **c1** and **c2** clients with sessions, **store** the storage they write to under lock L.',
        'zh-CN': '**db** 是锁单元的数据库，**m1** 和 **m2** 是单元节点（其中一个被选为主节点），**c1** 和 **c2** 是带会话的客户端，**store** 是它们持有锁 L 时写入的存储。',
      },
    },
    {
      id: 'master',
      kind: 'wait',
      anchor: { event: { becomes: { status: 'serving' } } },
      bind: 'M',
      say: { en: '{{M}} is elected master by the database and serves the cell.', 'zh-CN': '{{M}} 被数据库选为主节点，为锁单元提供服务。' },
      show: { nodes: ['$M', 'db'], dim: true },
    },
    {
      id: 'granted',
      kind: 'wait',
      anchor: { event: { node: 'c1', message: 'AcquireReply', kind: 'deliver' } },
      say: {
        en: 'c1 holds L with **sequencer 1**: a generation number that grows with every grant. It checks its lock, starts its write, and then stops: a GC pause.',
        'zh-CN': 'c1 以**序列号 1** 持有 L：这个代数随每次授予递增。它检查了锁，开始写入，然后停住了：一次 GC 停顿。',
      },
      show: { nodes: ['c1'] },
    },
    {
      id: 'predict',
      kind: 'ask',
      anchor: { event: { node: 'c1', kind: 'pause' } },
      say: { en: 'c1 is paused. Its session lapses on the master, and c2 is asking for L.', 'zh-CN': 'c1 被暂停了。它的会话在主节点上失效，而 c2 正在请求 L。' },
      ask: {
        type: 'yesno',
        question: { en: 'When c1 wakes up and its write arrives, will storage **reject** it?', 'zh-CN': 'c1 醒来、它的写入到达存储时，存储会**拒绝**它吗？' },
        answer: { happens: { message: 'WriteRejected' }, within: 2500 },
        explain: {
          en: 'c2 got L with sequencer 2 and wrote first; storage has seen token 2, so it turns away token 1. Without fencing both writes would land.',
          'zh-CN': 'c2 以序列号 2 获得 L 并先写入；存储已见过令牌 2，所以拒绝令牌 1。没有防护的话，两次写入都会落地。',
        },
      },
    },
    {
      id: 'rejected',
      kind: 'wait',
      anchor: { event: { message: 'WriteRejected' } },
      say: {
        en: 'c1 checked its lock *before* the pause, so nothing c1 does can notice; the **fencing token** is what protects the data.',
        'zh-CN': 'c1 是在停顿*之前*检查的锁，所以 c1 自己无法察觉；保护数据的是**防护令牌**。',
      },
      show: { nodes: ['c1', 'store'], invariants: ['storage-fence', 'storage-mutex'] },
    },
    {
      id: 'failover',
      kind: 'task',
      anchor: { after: 100 },
      say: {
        en: 'Now **you** crash the master: right-click {{M}} and choose *Crash*. Then play and watch the other cell node take over with a new epoch.',
        'zh-CN': '现在由**你**让主节点崩溃：右键点击 {{M}}，选择*崩溃*。然后播放，看另一个单元节点以新纪元接管。',
      },
      show: { nodes: ['$M'] },
      task: { done: { becomes: { status: 'serving' } }, within: 2500, demo: [{ do: 'crash', node: '$M' }] },
    },
    {
      id: 'sandbox',
      kind: 'sandbox',
      anchor: { after: 0 },
      say: {
        en: 'Free play. Try the *storage-ignores-tokens* bug (New run) with the same pause, or skew a client’s clock beyond the bound.',
        'zh-CN': '自由探索。用同样的停顿试试 *storage-ignores-tokens* 缺陷（新运行），或者让某个客户端的时钟偏移超出界限。',
      },
    },
  ],
};
