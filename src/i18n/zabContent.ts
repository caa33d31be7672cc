/** Simplified Chinese for Zab's curated scenarios, invariants, bug switches and command,
 * spread into the tables of content.ts. */
type Text = { title: string; description: string };

export const zabScenarios: Record<string, Text> = {
  'zab:happy-path': { title: '选举、发现、同步与三次写入', description: '所有服务器从纪元 0、空日志开始，n3 凭 id 赢得选举。n1 和 n2 发送 CEPOCH(0)，n3 选定纪元 1，它们回复 ACKEPOCH，经空 DIFF 和 NEWLEADER 完成同步，n3 进入广播。三次写入按 zxid 顺序 (1,1)、(1,2)、(1,3) 被提议、确认并提交；发往 n1 的写入被转发给领导者，n1 交付后才答复客户端。' },
  'zab:leader-crash': { title: '领导者在广播中途崩溃', description: 'n3 提交 (1,1)–(1,3)。它对 (1,4) 的 PROPOSE 只到达 n2；n2 的 ACK 使 n3 提交了它，但 COMMIT 被切断。n3 记录 (1,5)，它未到达任何人，随后 n3 崩溃。n2 的 zxid 最高，领导纪元 2：其初始历史保留 (1,4)，n1 通过 DIFF 获得它。n3 返回后跟随 n2；它的 (1,5) 不在 n2 的日志中，于是 n2 先发送 TRUNC 到 (1,4)，再发送 (2,1)。(1,4) 在所有服务器上交付，(1,5) 无处交付。' },
  'zab:epoch-fencing': { title: '纪元隔离：acceptedEpoch 领先于 currentEpoch', description: 'n3 领导纪元 1 后崩溃。n2 赢得下一次选举；n1 接受 NEWEPOCH(2)（acceptedEpoch 为 2），n2 确立纪元 2，但它发给 n1 的 NEWLEADER 被切断，随后 n2 崩溃。n1 留下 acceptedEpoch 2、currentEpoch 1。n3 返回并凭 id 获胜（FLE 比较的 currentEpoch 与 zxid 相同），但新纪元必须大于它收到的每个 CEPOCH：n1 报告 2，所以 n3 选择 3。' },
  'zab:late-joiner': { title: '广播期间加入的迟到者', description: 'n3 宕机时，n1 和 n2 选出 n2 并提交 (1,1)。n3 启动，从它们的答复得知 n2 是领导者并开始同步：DIFF 带来 (1,1)，然后是 NEWLEADER。紧接着客户端写入 (1,2)；n2 把它提议给 n1 和已收到 NEWLEADER 的 n3（协议规约问题 1）。n3 到 n2 的链路较慢，因此 n1 的 ACK 先提交了 (1,2)；随后 n2 以 COMMITLD((1,2))（它自己的 lastCommitted，问题 3）回答 n3 的 ACKLD，下一次写入在所有服务器上提交。' },
  'zab:propose-window': { title: 'NEWLEADER 与其确认之间的提议', description: '协议规约问题 1 的轨迹：n3 迟到加入，收到带 (1,1) 的 NEWLEADER；在 n3 确认之前客户端写入 (1,2)。n3 立即刷盘，所以 n2 先处理 n3 的 ACKLD，再处理 n1 的 ACK，并向两者发送 COMMIT (1,2)。n3 因为已收到 NEWLEADER 而收到了 PROPOSE，所以该 COMMIT 能在它的日志中找到 (1,2)。' },
  'zab:zk-1154': { title: 'ZOOKEEPER-1154：旧纪元事务遇上 DIFF', description: 'n3 领导纪元 1，提交 (1,1)–(1,3)，并独自记录 (1,4)：它的 PROPOSE 被切断。整个集群崩溃。n1 和 n2 返回，n2 领导纪元 2 并提交 (2,1)。n3 带着日志中的 (1,4) 返回；(1,4) 位于领导者最小与最大 zxid 之间却不在其日志中，所以领导者先发送 TRUNC 到 (1,3)，再发送 (2,1)。' },
  'zab:zk-4646': { title: 'ZOOKEEPER-4646：在 NEWLEADER 与刷盘之间崩溃', description: 'n3 领导纪元 1，所有服务器都有 (1,1)–(1,3)；n3 记录 (1,4)，n1 和 n2 在其 PROPOSE 到达前崩溃。n3 失去法定人数回到选举；n1 和 n2 返回并再次选出 zxid (1,4) 最高的 n3。两者通过 DIFF 把 (1,4) 放入缓冲区并收到 NEWLEADER；刷盘很慢（60 毫秒），两者在刷盘前崩溃。按正确顺序它们尚未确认 NEWLEADER，所以 n3 从未提交 (1,4)；n3 也崩溃后，n1 和 n2 选出新领导者，没有丢失任何内容。' },
  'zab:zk-4643': { title: 'ZOOKEEPER-4643：在 currentEpoch 与日志之间崩溃', description: 'n3 领导纪元 1，所有服务器都有 (1,1)–(1,3)。n1 崩溃；(1,4) 由 n2 和 n3 提交。随后 n2 和 n3 崩溃；n1 和 n3 返回，n3 与 n1 一起领导纪元 2，并通过 DIFF 发送 (1,4)。n1 在刷盘前崩溃。按正确顺序 n1 的 currentEpoch 仍为 1，所以 n1 和 n2 返回时 n2 凭 zxid (1,4) 获胜，没有丢失任何内容。' },
  'zab:diff-without-trunc-bug': { title: 'ZOOKEEPER-1154：不截断的 DIFF（缺陷开关已开启）', description: '用修复前的同步方式重放 ZOOKEEPER-1154 的轨迹：领导者向 n3 发送带 (2,1) 的 DIFF 而没有 TRUNC，于是 n3 在其下保留了旧纪元的 (1,4)。COMMITLD 让 n3 在其他服务器交付 (2,1) 的下标处交付了 (1,4)：前缀一致性、一致性与全序被破坏。' },
  'zab:ack-newleader-before-flush-bug': { title: 'ZOOKEEPER-4646：刷盘前确认 NEWLEADER（缺陷开关已开启）', description: '用修复前的跟随者重放 ZOOKEEPER-4646 的轨迹：n1 和 n2 在 (1,4) 还只在内存中时就设置 currentEpoch 并确认 NEWLEADER。n3 进入广播并提交 (1,4)；n1 和 n2 交付了它，却在刷盘前崩溃。n3 崩溃后，n1 和 n2 选出一个没有 (1,4) 的领导者：已提交的事务丢失（领导者日志完整性、全序）。' },
  'zab:epoch-before-log-bug': { title: 'ZOOKEEPER-4643：先写 currentEpoch 再写日志（缺陷开关已开启）', description: '用修复前的跟随者重放 ZOOKEEPER-4643 的轨迹：n1 收到 NEWLEADER 时写入 currentEpoch 2，然后在 (1,4) 写入日志前崩溃。n1 和 n2 返回时，n1 凭纪元 2 > 1 赢得选举，而它的日志缺少已提交的 (1,4)，并把 n2 截断到 (1,3)：领导者日志完整性被破坏。' },
  'zab:new-epoch-from-self-bug': { title: '忽略跟随者纪元的纪元隔离（缺陷开关已开启）', description: '纪元隔离的轨迹，但 n3 把新纪元取为自己的 acceptedEpoch + 1 = 2。n1 已接受纪元 2，而 Zab.tla 接受任何 ≥ acceptedEpoch 的 NEWEPOCH，于是 n3 确立了 n2 已确立过的纪元 2：每纪元一个领导者被破坏。' },
  'zab:propose-to-ackld-only-bug': { title: '只向已确认的跟随者发送 PROPOSE（缺陷开关已开启）', description: '协议规约问题 1：PROPOSE 只发给已确认 NEWLEADER 的跟随者，所以 n3 从未收到 (1,2)。n2 先处理 n3 的 ACKLD，然后 n1 的 ACK 提交了 (1,2)，发给 n3 的 COMMIT 指向它没有的事务：不可能的到达。' },
  'zab:commitld-ack-zxid-bug': { title: '携带跟随者 zxid 的 COMMITLD（缺陷开关已开启）', description: '协议规约问题 3：迟到者的轨迹，但 n2 以 COMMITLD((1,1))——n3 确认的 zxid——回答 n3 的 ACKLD((1,1))。(1,2) 在此期间已提交，其 COMMIT 只发给了 n1，因此 n3 永远不会交付它；随后 (1,3) 的 COMMIT 指向的不是 n3 的下一个事务：不可能的到达。' },
  'zab:compare-raft-leader-crash': { title: 'Zab 与 Raft：领导者在广播中途崩溃', description: '同一个领导者崩溃脚本分别在 Zab（左）和 Raft（右）下运行。两边的领导者都提交三次写入，随后第四次写入只到达一个跟随者，第五次写入在领导者崩溃前没有到达任何人。Zab 选出 zxid 最高的服务器，并用 TRUNC 截断返回的旧领导者未被看到的事务；Raft 选出日志至少同样新的服务器，并通过 AppendEntries 覆盖未被看到的条目。两者都没有丢失已提交的第四次写入。' },
};

export const zabInvariants: Record<string, Text> = {
  'zab:one-leader-per-epoch': { title: '每纪元一个确立的领导者', description: '每个纪元至多有一台服务器成为确立的领导者（处于同步或广播阶段的 LEADING）。' },
  'zab:prefix-consistency': { title: '前缀一致性', description: '任意两台服务器的已提交前缀在双方都已提交的位置上一致。' },
  'zab:integrity': { title: '完整性', description: '跟随者只交付某个领导者广播过的事务。' },
  'zab:agreement': { title: '一致性', description: '若一台服务器交付了 a、另一台交付了 b，则后者交付了 a 或前者交付了 b。' },
  'zab:total-order': { title: '全序', description: '若某服务器先交付 a 后交付 b，则任何交付 b 的服务器都先交付了 a，在每次重启后都如此。' },
  'zab:local-primary-order': { title: '局部主序', description: '若领导者在同一纪元中先广播 a 后广播 b，交付 b 的服务器必须先交付 a。' },
  'zab:global-primary-order': { title: '全局主序', description: '服务器先交付较早纪元的事务，再交付较晚纪元的事务。' },
  'zab:primary-integrity': { title: '主完整性', description: '领导者与其跟随者都处于广播阶段时，跟随者交付的每个较早纪元的事务，领导者也已交付。' },
  'zab:leader-log-completeness': { title: '领导者日志完整性', description: '确立的领导者持有曾经提交的每个事务，跨越崩溃与重启。' },
  'zab:should-not-be-triggered': { title: '没有不可能的到达', description: '没有服务器收到协议认为不可能到达的消息（针对其缺少的事务的 COMMIT 或 COMMITLD、针对未知 zxid 的 ACK 等）。' },
};

export const zabBugs: Record<string, string> = {
  'zab:diff-without-trunc': 'ZOOKEEPER-1154：只要跟随者的最后一个 zxid 落在领导者已提交日志的范围内，领导者就发送 DIFF，却不检查该 zxid 是否在日志中，于是只有跟随者记录过的旧纪元事务得以留存。',
  'zab:ack-newleader-before-flush': 'ZOOKEEPER-3911 / 4646：跟随者在同步来的事务仍只在内存中时就确认 NEWLEADER；在刷盘前崩溃会丢失领导者已计为持有并提交的事务。',
  'zab:epoch-before-log': 'ZOOKEEPER-4643：跟随者收到 NEWLEADER 时先于同步来的事务写入 currentEpoch；在两者之间崩溃会留下一台纪元新、日志旧的服务器，它随后赢得选举并截断已提交的事务。',
  'zab:new-epoch-from-self': '领导者只根据自己的 acceptedEpoch 选择新纪元，忽略跟随者的 CEPOCH：接受过某纪元、而其领导者已死的跟随者会再次接受同一纪元，一个纪元出现两个领导者。',
  'zab:propose-to-ackld-only': '协议规约问题 1：PROPOSE 只发给已确认 NEWLEADER 的跟随者，处于 NEWLEADER 与其确认之间的跟随者会错过提议，之后收到针对它缺少的事务的 COMMIT。',
  'zab:commitld-ack-zxid': '协议规约问题 3：COMMITLD 携带跟随者 ACKLD 中的 zxid，而非领导者的 lastCommitted，于是期间提交的事务在迟到的跟随者上永远不会提交，下一个 COMMIT 顺序错乱。',
};

export const zabCommands: Record<string, Text> = {
  'zab:request': { title: '客户端写入', description: '客户端请求这台服务器写入。跟随者把它转发给领导者；这台服务器交付该写入后才答复客户端。' },
};
