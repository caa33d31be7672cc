/** Built-in tour: consistent hashing on join and leave (Karger et al. 1997; Dynamo, DeCandia et
 * al. 2007), over `chash:join`'s script. */
import type { Tour } from '../types';

const put = (at: number, key: string) => ({ at, do: 'put', node: 'n7', key, value: `${key}-1` });
const get = (at: number, key: string) => ({ at, do: 'get', node: 'n7', key });

export const chashJoinLeave: Tour = {
  format: 'faultline-tour',
  version: 1,
  id: 'chash-join-leave',
  title: { en: 'Consistent hashing: what moves when a server joins or leaves', 'zh-CN': '一致性哈希：服务器加入或离开时什么会移动' },
  description: { en: 'A server joins and pulls only the arcs it gains; then you make one leave.', 'zh-CN': '一台服务器加入，只拉取它获得的那些弧段；然后由你让一台服务器离开。' },
  scenario: {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'chash',
    name: 'tour-join-leave',
    nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
    seed: 1,
    params: { bugs: [], vnodes: 8, replicas: 3, clients: 1, spares: 1 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions: [...['apple', 'banana', 'date', 'fig', 'grape', 'lemon'].map((k, i) => put(i * 5, k)), { at: 200, do: 'join', node: 'n6' }, get(400, 'apple')],
    until: 600,
  },
  steps: [
    {
      id: 'intro',
      kind: 'narrate',
      anchor: { at: 'start' },
      say: {
        en: 'n1 to n5 share a hash ring, each with 8 virtual nodes; every key is stored on the first **3** distinct servers clockwise from its hash. n6 is a spare, n7 the client, which puts six keys.',
        'zh-CN': 'n1 到 n5 共享一个哈希环，每台有 8 个虚拟节点；每个键保存在从其哈希值顺时针方向的前 **3** 台不同服务器上。n6 是备用服务器，n7 是客户端，它写入六个键。',
      },
    },
    {
      id: 'predict',
      kind: 'ask',
      anchor: { after: 150 },
      say: { en: 'The keys are stored. Next, n6 asks to join the ring.', 'zh-CN': '键已保存。接下来，n6 请求加入哈希环。' },
      ask: {
        type: 'choice',
        question: { en: 'When n6 joins, which keys move?', 'zh-CN': 'n6 加入时，哪些键会移动？' },
        options: [
          { id: 'most', label: { en: 'Most keys: every hash is taken modulo a new server count', 'zh-CN': '大多数键：每个哈希值都要对新的服务器数取模' } },
          { id: 'arcs', label: { en: 'Only keys on the arcs n6 takes over, and only to n6', 'zh-CN': '只有 n6 接管的弧段上的键，且只移动到 n6' } },
        ],
        answer: { value: 'arcs' },
        explain: { en: 'That is the point of consistent hashing: about 1/N of the keys move.', 'zh-CN': '这正是一致性哈希的意义：大约只有 1/N 的键会移动。' },
      },
    },
    {
      id: 'join',
      kind: 'wait',
      anchor: { event: { node: 'n6', kind: 'command' } },
      say: { en: 'n6 sends **JoinRequest** to the seed n1, which marks it *joining* and tells every server.', 'zh-CN': 'n6 向种子节点 n1 发送 **JoinRequest**，n1 把它标记为*加入中*并通知所有服务器。' },
      show: { nodes: ['n6', 'n1'], messages: { type: 'JoinRequest' } },
    },
    {
      id: 'pull',
      kind: 'wait',
      anchor: { event: { message: 'Pull' } },
      say: { en: 'n6 **pulls** the arcs it gains from their old replicas. Writes meanwhile also go to n6.', 'zh-CN': 'n6 从旧副本**拉取**它获得的弧段。在此期间写入也会发往 n6。' },
      show: { nodes: ['n6'], messages: { type: 'Pull' } },
    },
    {
      id: 'who-serves',
      kind: 'ask',
      anchor: { event: { message: 'JoinDone' } },
      say: { en: 'Every arc is covered: n6 is *up*, and the old replicas drop the keys they no longer hold.', 'zh-CN': '每个弧段都已覆盖：n6 变为*在线*，旧副本丢弃它们不再负责的键。' },
      ask: {
        type: 'node',
        question: { en: 'Which server will answer the next **Get**?', 'zh-CN': '哪台服务器会回答下一个 **Get**？' },
        answer: { nodeOf: { message: 'Value' } },
        explain: { en: 'The get goes to the first server of the key\'s new preference list.', 'zh-CN': 'Get 请求发往该键新的优先列表中的第一台服务器。' },
      },
    },
    {
      id: 'leave',
      kind: 'task',
      anchor: { after: 0 },
      say: { en: 'Your turn: make **n3** leave the ring (select n3, then *Leave the ring*), and play.', 'zh-CN': '轮到你了：让 **n3** 离开哈希环（选中 n3，再点*离开哈希环*），然后播放。' },
      show: { nodes: ['n3'] },
      task: { done: { message: 'LeaveDone' }, within: 1000, demo: [{ do: 'leave', node: 'n3' }] },
    },
    {
      id: 'handed-over',
      kind: 'wait',
      anchor: { event: { message: 'LeaveDone' } },
      say: { en: 'n3 sent each of its keys to the one server that gains it, waited for every **TransferAck**, and reported LeaveDone. Only n3\'s keys moved.', 'zh-CN': 'n3 把它的每个键发给接手该键的那台服务器，等到每个 **TransferAck** 后报告 LeaveDone。只有 n3 的键移动了。' },
      show: { nodes: ['n3'], invariants: ['movement', 'no-loss'] },
    },
    { id: 'sandbox', kind: 'sandbox', anchor: { after: 0 }, say: { en: 'Free play: crash a replica and read its keys, or let n3 join again.', 'zh-CN': '自由探索：让一个副本崩溃再读取它的键，或者让 n3 重新加入。' } },
  ],
};
