/**
 * Translations of protocol content: curated scenarios, invariants and bug switches. The
 * protocol's own text is the English; a missing translation falls back to it.
 */
import type { Lang } from '.';
import * as zab from './zabContent';
import * as multipaxos from './multipaxosContent';
import { zhSources } from './sourcesZh';

type Text = { title: string; description: string };

const zhCN: Record<string, Text> = {
  'raft:happy-path': { title: '选举与三次写入', description: 'n1 最先超时，在任期 1 赢得选举并复制三次写入；每条写入在多数节点持有后提交。' },
  'raft:leader-crash': { title: '领导者崩溃', description: 'n1 在任期 1 担任领导者并提交 x=1，随后崩溃。追随者超时，新领导者在更高任期当选且日志中保留 x=1，n1 以追随者身份重新加入。' },
  'raft:ack-on-append-bug': { title: '追加即确认的写入随后丢失（缺陷开关开启）', description: 'n1 在任期 1 担任领导者时网络分裂为 {n1,n2} | {n3,n4,n5}。开启 ack-on-append 后，n1 一追加 x=stale 就回答客户端成功，尽管它永远无法提交。n3 成为任期 2 的领导者；网络修复后 n1 退位，该条目被覆盖，之后读取 x 得到空值：一次已确认的写入丢失了，只有客户端历史能看出来。' },
  'raft:lease-read': { title: '时钟在界限内的租约读', description: '开启租约读，假设任何时钟都不会比另一个快 1.2 倍以上。n1 在任期 1 担任领导者并提交 x=1；网络分裂为 {n1,n2} | {n3,n4,n5}。n1 最后一轮被确认的心跳使其租约持续到 370。n4 和 n5 在 130 收到 n1 的消息，在 430 之前忽略 n3 的 RequestVote，因此 n1 的租约结束前 n3 无法成为领导者：它的写入被重定向，n1 凭租约回答对 x 的读取：1，这是最新的值。' },
  'raft:lease-read-skew': { title: '过期的租约读：时钟偏移超出界限', description: '与租约读相同的运行，但 n3、n4 和 n5 的时钟快三倍，超出租约假设的 1.2 倍界限（没有缺陷开关：这是租约有据可查的代价）。它们在 n1 最后一次心跳后的最小选举超时在 230 而不是 430 结束，于是 n3 赢得任期 2 并提交 x=2，客户端已得到确认，而 n1 的租约持续到 370。n1 凭租约回答对 x 的读取：1，比一次已经完成的写入更旧。线性一致性检查发现了它。' },
  'raft:stale-read-bug': { title: '被罢免的领导者返回过期读（缺陷开关开启）', description: 'n1 在任期 1 担任领导者并提交 x=1。网络分裂为 {n1,n2} | {n3,n4,n5}；n3 成为任期 2 的领导者并提交 x=2，客户端已得到确认。开启 stale-read 后，n1 不经心跳轮次确认就用自己的状态回答对 x 的读取：1，比一次已经完成的写入更旧。' },
  'raft:split-vote': { title: '选票分裂', description: 'n1、n3 和 n5 在任期 1 同时超时。较慢的链路让 n2 先收到 n1 的请求、n4 先收到 n3 的请求，因此无人获得三票；随机化超时在之后的任期中解决僵局。' },
  'raft:stale-leader': { title: '少数分区中的过期领导者', description: 'n1 在任期 1 担任领导者时网络分裂为 {n1,n2} | {n3,n4,n5}。n1 仍接受写入但永远无法提交；多数派选出 n3 并提交。网络修复后，n1 退位，其未提交的条目被覆盖。' },
  'raft:figure-8': { title: '图 8：为何领导者只统计本任期条目的副本', description: '任期 3 的领导者把任期 1 的条目复制到多数节点，但不能靠计数提交它（第 5.4.2 节）。之后的领导者覆盖它时，没有丢失任何已提交的内容。第 8 节的领导者空操作（no-op）与图中一样是关闭的：若开启，空操作会先把该条目提交。' },
  'raft:figure-8-bug': { title: '图 8：开启 commit-previous-term 缺陷', description: '任期 3 的领导者因为多数节点持有而提交了任期 1 的条目。之后的领导者覆盖了它：状态机安全性和领导者完整性被破坏。第 8 节的领导者空操作与图中一样是关闭的。' },
  'raft:forget-vote': { title: '重启后记住的选票', description: 'n2 在任期 1 投票给 n1，重启后又被 n3 在任期 1 请求投票。votedFor 保存在磁盘上，因此 n2 拒绝，n3 无法获胜。' },
  'raft:forget-vote-bug': { title: '重启后遗忘的选票（缺陷开关已开启）', description: 'n2 在任期 1 投票给 n1，重启后又被 n3 在任期 1 请求投票。votedFor 没有持久化，它再次投票：任期 1 出现两个领导者。' },
  'twopc:happy-commit': { title: '两个事务提交', description: '事务管理器（TM）开始 t1 和 t2。每个资源管理器（RM）都进入 prepared 并投出 Prepared 票，因此 TM 提交每个事务，所有 RM 随之提交。' },
  'twopc:vote-no': { title: '一张反对票让所有人中止', description: 'n3 选择中止下一个事务。它以 Aborted 回答 Prepare(t1)，TM 中止 t1，已经 prepared 的 RM 收到 Abort 后中止。' },
  'twopc:tm-crash-blocks': { title: 'TM 崩溃时 2PC 会阻塞', description: 'TM 在 Prepared 投票途中崩溃。各 RM 保持 prepared 并持有锁：它们互相询问，但 prepared 的同伴与它们一样不确定。TM 恢复后没有已记录的决定，于是推定中止，所有 RM 中止。' },
  'twopc:coop-termination': { title: '协作终止：同伴知道决定', description: 'TM 提交了 t1，但短暂的分区让 Commit 没能到达 n3 和 n4，随后 TM 永久崩溃。n3 和 n4 超时后询问同伴，从 n2 得知 Commit，不依赖 TM 完成提交。' },
  'twopc:tm-logs-decision': { title: '恢复后的 TM 重发已记录的决定', description: 'TM 提交了 t1；分区让 Commit 没能到达 n3 和 n4，随后 TM 崩溃。决定已写入日志，因此恢复后的 TM 再次发送 Commit，n3 和 n4 提交。' },
  'twopc:tm-no-log-bug': { title: '不记录决定的 TM（缺陷开关已开启）', description: 'TM 提交 t1 时没有写日志；分区让 Commit 没能到达 n3 和 n4，随后 TM 崩溃。恢复后的 TM 对 t1 一无所知，以推定中止回答 n3 和 n4：n2 已提交，而 n3 和 n4 中止。' },
  'twopc:rm-logs-vote': { title: '重启后的 RM 保留 Prepared 投票', description: 'n2 对 t1 投出 Prepared 后崩溃，重启后仍是 prepared。n2 和 n3 与 TM 和 n4 隔离，保持不确定并反复询问，直到分区修复后得知 Commit。' },
  'twopc:rm-no-log-bug': { title: '遗忘 Prepared 投票的 RM（缺陷开关已开启）', description: 'n2 对 t1 投出 Prepared 后崩溃；投票没有写入磁盘。当 n3 向它询问决定时，n2 以为自己仍在 working 并单方面中止，于是 n3 中止，而 n4 已提交。' },
  'twopc:compare-tm-crash': {
    title: '2PC 对比 3PC：协调者在决定前崩溃',
    description: '两边的协调者都在赞成票途中崩溃，直到 1500 毫秒才恢复。2PC（左）中各 RM 一直保持 prepared 并持有锁，直到那时：每个都超过 1.4 秒。3PC（右）中参与者在 w 状态超时，在它们之间选出后备协调者，约在 520 毫秒时中止：没有人等待协调者。',
  },
  'twopc:compare-partition': {
    title: '分区下的 2PC 对比 3PC',
    description: '决定（2PC 的 Commit、3PC 的 PreCommit）只到达 n2，随后网络分裂为 {n1, n2} | {n3, n4}，直到 700 毫秒。2PC（左）保持一致：n3 和 n4 以 prepared 状态阻塞，分区恢复后提交。3PC（右）发生分裂：n3 和 n4 通过终止协议中止，而 n1 和 n2 提交，「结果一致」被破坏。',
  },
  'threepc:happy-commit': { title: '三个阶段，一次提交', description: '每个参与者投 Yes，确认 PreCommit，并在收到 DoCommit 后提交。' },
  'threepc:vote-no': { title: '一张反对票让所有人中止', description: 'n3 选择投 No。协调者中止 t1，投了 Yes 的参与者收到 Abort 后中止。' },
  'threepc:crash-in-w': { title: '2PC 阻塞之处，3PC 中止', description: '协调者在 Yes 投票途中崩溃，与 2PC 的阻塞场景相同。参与者在 w 状态超时，n2 被选为后备协调者，发现所有人都在 w，于是中止。协调者稍后恢复并得知中止。' },
  'threepc:crash-in-p': { title: '协调者在发出一条 PreCommit 后崩溃', description: 'PreCommit 只到达 n2：短暂的分区丢掉了另外两条，如同协调者在发送途中崩溃，随后它真的崩溃。n3 和 n4 在 w 状态超时；处于 p 的 n2 被选为后备协调者，把 n3 和 n4 推进到 p 并让所有节点提交。没有节点阻塞，协调者恢复后得知提交。' },
  'threepc:partition': { title: '网络分区下的 3PC', description: 'PreCommit 只到达 n2，随后网络分裂为 {n1, n2} | {n3, n4}。协调者等不到其余的 Ack，超时后与 n2 一起提交；n3 和 n4 在各自一侧都处于 w，通过终止协议中止。「结果一致」被破坏：只有当故障仅为崩溃且超时判断准确时，3PC 才是非阻塞的。' },
  'chash:put-get': { title: '写入落到三个副本', description: '客户端写入 apple、banana 和 cherry。每个 Put 发往该键偏好列表中的第一台服务器，它先存储，再向顺时针方向接下来两台不同的服务器发送 Replicate；两者都存储后客户端才收到 PutOk。读取由第一个副本应答。' },
  'chash:join': { title: 'n6 加入并拉取它获得的区间', description: 'n6 请求种子节点 n1 加入。种子把它标记为 joining 并通知所有节点；此后写入也会发往 n6，n6 从旧副本拉取它获得的各段弧。所有弧都覆盖后，种子把 n6 标记为 up，旧副本删除不再负责的键。只有 apple、date、fig 和 lemon 移动，且都移到 n6。加入过程中的读取仍由旧副本应答；加入完成后，apple 从 n6 读取。' },
  'chash:leave': { title: 'n3 离开并交出它的键', description: 'n3 请求种子离开。离开期间它仍提供服务，写入也会发往将接替它的服务器。n3 把每个键发给获得该键的那一台服务器，等待所有 TransferAck 后报告 LeaveDone；种子将它移出环，n3 清空存储。只有 n3 的键移动；n3 从未持有的 grape 保持原位。' },
  'chash:crash-read': { title: '崩溃副本的键由其他副本读出', description: 'apple 存在 n2、n1 和 n4 上。它的第一个副本 n2 崩溃。客户端的读取发往 n2 后丢失；请求超时后客户端改试下一个副本 n1，由它应答。' },
  'chash:r-crashes': { title: 'R − 1 次崩溃不丢数据；R 次崩溃使键在有副本恢复前不可读', description: 'apple 存在 n2、n1 和 n4 上。n2 和 n1 宕机时，读取在两次超时后仍能到达 n4。n4 也崩溃后所有副本都宕机，读取在五次尝试后失败。存储在磁盘上：n1 重启后 apple 又可读。' },
  'chash:leave-lost-transfer': { title: '丢失的传输推迟离开', description: 'n3 离开时 n3 → n4 的链路被切断，因此它发给 n4 的 cherry 和 elder 的 Transfer 丢失。n3 保留这些键并不断重发，直到链路恢复后 n4 确认；之后它才离开。任何键的副本数都从未少于三份。' },
  'chash:no-handoff-bug': { title: '不拉取数据的加入者（缺陷开关已开启）', description: '开启 no-handoff 的加入场景：n6 不拉取任何数据就宣布就绪。旧副本删除不再负责的键，于是 apple、date、fig 和 lemon 只剩两份副本；此时由 n6 应答的 apple 读取什么也找不到。' },
  'chash:drop-before-ack-bug': { title: '确认前就删除键的离开者（缺陷开关已开启）', description: 'n3 离开时 n3 → n4 的链路被切断。开启 drop-before-ack 后，n3 每发出一个键就立即删除，并马上离开。此刻「{inv:no-loss}」就被破坏（传输途中的副本不算副本）；对 cherry 和 elder 则是永久破坏：它们发往 n4 的 Transfer 丢失，只剩两份副本而不是三份。' },
  'chash:whole-store-bug': { title: '复制整个存储的加入（缺陷开关已开启）', description: '开启 whole-store 的加入场景：旧副本用它们持有的全部数据回答 n6 的 Pull，于是副本集合不变的 banana 和 grape 也被复制到 n6。移动规则被破坏：加入只应移动新服务器获得的键。' },
  'paxos:happy-path': { title: '一个提议者，选定一个值', description: 'p1 在选票 1 中提议 v1。每个接受者都作出承诺，p1 发送 2a(1, v1)，多数派投票，学习者 l1 从两个不同的接受者处得知 v1。' },
  'paxos:dueling-proposers': { title: '决斗的提议者：活锁，然后选定一个值', description: 'p1 和 p2 相隔 5 毫秒提议，链路长短不一，退避时间很短。每一方新的阶段 1 都会抢占另一方的阶段 2（Nack），于是一个又一个选票过去，什么都没有选定——也没有任何不安全的事发生（Paxos Made Simple 2.4）。每次被抢占后随机退避窗口翻倍；一旦某个提议者等得足够久，让另一方完成两个阶段，就有一个值被选定，在选票 11 中。' },
  'paxos:adopt-chosen': { title: '新的提议者必须采用已选定的值', description: 'a1 和 a2 在选票 1 中投票给 v1，于是 v1 已被选定，但 l1 什么都没收到，p1 也崩溃了。p2 与 a2、a3 运行选票 2；a2 的承诺报告了它的投票 (1, v1)，因此 p2 提议 v1 而不是自己的 v2。l1 得知 v1，p2 的客户端得到 v1。' },
  'paxos:accepted-not-chosen': { title: '被接受不等于被选定', description: '只有 a1 在选票 1 中投票给 v1：被少数派接受，没有被选定。p2 与 a2、a3 运行选票 2，它们没有报告任何投票，于是 p2 提议自己的 v2，v2 被选定。a1 仍持有 v1——无害，因为 v1 从未被选定。' },
  'paxos:acceptor-restart': { title: '接受者崩溃并重启', description: 'a1 和 a2 在选票 1 中选定 v1，l1 得知它。a2 崩溃后重启：maxBal、maxVBal 和 maxVal 从磁盘恢复。p2 与 a2、a3 运行选票 2（a1 被隔离）；a2 报告 (1, v1)，因此 p2 再次提议 v1。' },
  'paxos:minority-partition': { title: '少数派分区选不出任何值', description: '五个接受者；网络分裂为 {p1, a1, a2, l1} | {p2, a3, a4, a5, l2}。p1 只收集到两个承诺，从不发送 2a；p2 由 a3、a4、a5 选定 v2。分区恢复后，p1 用更高的选票重试，得知 v2 并提议 v2：它的客户端得到 v2。' },
  'paxos:duplicate-2b': { title: '学习者收到重复的 2b', description: '只有 a1 投票给 v1，而链路 a1 → l1 把每条消息都投递两次。l1 统计的是不同的接受者，所以 a1 的两份副本只算一次接受，v1 不会被学到。随后 p2 与 a2、a3 选定 v2，l1 只学到 v2。' },
  'paxos:ignore-promised-votes-bug': { title: '忽略已报告投票的提议者（缺陷开关已开启）', description: '开启 ignore-promised-votes 的 adopt-chosen 脚本：p2 听到 a2 报告 (1, v1)，却仍提议自己的 v2。「{inv:votes-safe}」在 a2 于选票 2 中投票给 v2 时触发，早于其他任何错误；随后 a3 的投票使 v2 也被选定，「{inv:consensus}」被破坏。' },
  'paxos:forget-promise-bug': { title: '遗忘承诺的接受者（缺陷开关已开启）', description: 'p2 运行选票 2：a2 和 a3 作出承诺，但只有 a3 收到 2a 并投票给 v2。a2 在承诺选票 2 后崩溃，重启时没有承诺（磁盘上只有它的投票，而它没有投过票）：「{inv:promise-monotone}」触发，「{inv:votes-safe}」也触发，因为 a3 的投票依赖 a2 的承诺。随后 p1 与 a1、a2 运行选票 1，它们选定 v1。当 p2 到 a2 的链路恢复后，p2 在 a2 和 a3 上用选票 4 重试，得知 a3 的投票 (2, v2)——报告中最高的——并让 v2 被选定：「{inv:consensus}」被破坏。' },
  'paxos:forget-vote-bug': { title: '遗忘投票的接受者（缺陷开关已开启）', description: 'a1 和 a2 在选票 1 中选定 v1；a2 崩溃后重启，丢失了它的投票（maxVBal、maxVal）。p2 与 a2、a3 运行选票 2，没有听到任何投票，于是提议 v2。「{inv:votes-safe}」在 a2 投票给 v2 时触发，当 a3 的投票使 v2 被选定时 「{inv:consensus}」被破坏。' },
  'paxos:minority-quorum-bug': { title: '⌊n/2⌋ 个接受者的法定人数（缺陷开关已开启）', description: '五个接受者中两个即构成法定人数的少数派分区脚本。p1 让 a1 和 a2 投票给 v1 并认为它已被选定；l1 在自己一侧学到 v1，而 l2 在另一侧学到 v2。「{inv:learn-sound}」触发：五个接受者中的两个不是多数派。' },
  'paxos:learner-counts-messages-bug': { title: '统计消息数的学习者（缺陷开关已开启）', description: '开启 learner-counts-messages 的 duplicate-2b 脚本：l1 把 a1 的 2b 及其副本算作两次接受，学到了只有 a1 投过票的 v1。「{inv:learn-sound}」触发；之后 v2 被选定。' },
  ...zab.zabScenarios,
  'lock:happy': { title: '加锁、写入、解锁', description: 'c1 建立会话，以序列号 1 获取 L，用令牌 1 写入后释放。随后 c2 以序列号 2 获取 L 并用令牌 2 写入。存储依次接受令牌 1 和 2。' },
  'lock:storage-ignores-tokens-bug': {
    title: '超过租约的 GC 停顿：无防护令牌（左）与有防护令牌（右）',
    description:
      'c1 持有 L（序列号 1），检查后开始写入，却在 410 毫秒时因 GC 停顿。主节点约在 1420 毫秒使它的会话过期，锁延迟过后 c2 以序列号 2 获得 L 并写入。2100 毫秒时 c1 恢复，它的令牌 1 写入立即发出：它在停顿前就检查过锁。左边存储忽略令牌，在 c2 之后接受了过期写入：两个写入者破坏了数据（「{inv:storage-mutex}」）。右边存储在令牌 2 之后拒绝令牌 1。两边的租约信念都成立：c1 停顿期间什么也不相信。',
  },
  'lock:gc-pause-fenced': {
    title: '超过租约的 GC 停顿，使用防护令牌',
    description:
      'c1 持有 L（序列号 1），检查后开始写入，却在 410 毫秒时因 GC 停顿。主节点约在 1420 毫秒使它的会话过期，锁延迟过后 c2 以序列号 2 获得 L 并写入。2100 毫秒时 c1 恢复，它的令牌 1 写入立即发出。存储已见过令牌 2，因此拒绝令牌 1：过期写入丢失，数据安全。',
  },
  'lock:redis-gc-pause': {
    title: '同样的 GC 停顿，换成 Redis SET NX 锁',
    description: '这是教科书式缺陷，无需缺陷开关。c1 用 SET NX 和 1000 毫秒 TTL 获取 L，开始写入后停顿。键自行过期，c2 获取 L 并写入，c1 恢复后也写入。没有令牌，存储无法区分这些写入：「{inv:storage-mutex}」被破坏。',
  },
  'lock:failover-in-grace': {
    title: '宽限期内的主节点故障切换：持有者保住锁',
    description:
      'c1 持有 L（序列号 1）。600 毫秒时两个单元节点都崩溃，没有主节点应答。c1 的本地租约约在 1350 毫秒耗尽：它进入危险期并停止写入。m2 在 1600 毫秒恢复，以纪元 2 当选，从数据库重建会话并延长其租约，再通知各客户端。c1 的 KeepAlive 在宽限期内送达：它重新安全，仍以序列号 1 持有 L。c2 一直在请求 L，却一无所获。',
  },
  'lock:failover-past-grace': {
    title: '故障切换长于宽限期：会话过期',
    description: '与上例相同，但 m2 直到 3500 毫秒才恢复。c1 的宽限期约在 2850 毫秒结束，会话连同锁一起过期。新主节点重建 c1 的旧会话，等待整整一个租约让它应答，然后在锁延迟后释放 L。c2 以序列号 2 获取 L，比 c1 的更高。',
  },
  'lock:skew-beyond-bound': {
    title: '超出界限的时钟偏差：租约信念被破坏，防护令牌仍保护数据',
    description:
      'c1 的时钟以半速运行，超出了假定的界限 rho = 1.1。c1 持有 L，600 毫秒时一条单向切断让它的 KeepAlive 无法送达。主节点按自己的时钟使 c1 的会话过期，c2 以序列号 2 获得 L，而 c1 的慢时钟仍说租约有效：两者都认为自己持有 L（「{inv:lease-belief}」）。c1 在 c2 的令牌 2 之后用令牌 1 写入，存储拒绝了它。',
  },
  'lock:no-lease-extension-bug': {
    title: '不延长租约的新主节点（缺陷开关已开启）',
    description: 'c1 持有 L 且无法联系 m2。m1 在 720 毫秒崩溃，m2 很快当选。它没有延长重建的租约，立即使 c1 的会话过期，并在锁延迟后把 L 授予 c2，而 c1 仍信任 m1 给它的本地租约：两者都认为自己持有 L。',
  },
  'lock:lease-extended': {
    title: '新主节点延长租约：c1 保有 L 直到租约真正结束',
    description: '关闭缺陷开关的 no-lease-extension 脚本：m2 给 c1 重建的会话一整个租约。c1 无法联系它，本地租约结束时进入危险期；只有在 m2 延长的租约和锁延迟都过去之后，c2 才获得 L。',
  },
  'lock:lease-from-reply-bug': {
    title: '在收到回复时才开始租约的客户端（缺陷开关已开启）',
    description: '从 m1 到 c1 的回复需要 150 毫秒。c1 持有 L，800 毫秒时一条单向切断让它的 KeepAlive 无法送达。主节点的租约从最后一个 KeepAlive 到达时开始；c1 却从回复到达时（晚 150 毫秒）按完整长度开始自己的租约。没有锁延迟，主节点一使 c1 过期，c2 就获得 L，两者约有 150 毫秒都认为自己持有它。',
  },
  'lock:lease-from-send': {
    title: '从发送时开始、并除以时钟界限的客户端租约',
    description: '关闭缺陷开关的 lease-from-reply 脚本：无论回复多慢，c1 的本地租约都在主节点的租约之前结束，因此 c2 获得 L 之前 c1 已进入危险期。',
  },
  'lock:volatile-generation-bug': {
    title: '只保存在内存中的代数（缺陷开关已开启）',
    description: 'c1 和 c2 轮流持有 L（序列号 1 和 2）。m1 崩溃，m2 接管，但代数没有持久化：m2 从零重新开始，再次以序列号 1 把 L 授予 c1（「{inv:token-monotone}」）。',
  },
  'lock:durable-generation': { title: '代数在故障切换后保留', description: '关闭缺陷开关的 volatile-generation 脚本：m2 从数据库读取代数，c1 的新授予带有序列号 3。' },
  'lock:ignore-jeopardy-bug': { title: '忽略危险期的客户端（缺陷开关已开启）', description: 'c1 持有 L，600 毫秒时两个单元节点都崩溃。c1 的本地租约约在 1350 毫秒耗尽，但它忽略危险期，仍在 1700 毫秒写入（「{inv:no-act-in-jeopardy}」）。' },
  ...multipaxos.scenarios,
};

const tables: Record<Lang, Record<string, Text>> = { en: {}, 'zh-CN': zhCN };

export function scenarioText(lang: Lang, protocol: string, s: { name?: string; title?: string; description?: string }): Text {
  const own = { title: s.title ?? s.name ?? '', description: s.description ?? '' };
  return tables[lang][`${protocol}:${s.name ?? ''}`] ?? own;
}

/** For tests: every translated key. */
export const TRANSLATED_SCENARIOS = Object.keys(zhCN);

const zhInvariants: Record<string, Text> = {
  'raft:election-safety': { title: '选举安全性', description: '在整个运行过程中，每个任期至多选出一个领导者。' },
  'raft:leader-append-only': { title: '领导者只追加', description: '领导者从不覆盖或删除其日志中的条目，只追加。' },
  'raft:log-matching': { title: '日志匹配', description: '若两份日志在同一索引处的条目任期相同，则它们在该索引之前完全相同。' },
  'raft:leader-completeness': { title: '领导者完整性', description: '某任期中已提交的条目，存在于之后所有任期领导者的日志中。' },
  'raft:state-machine-safety': { title: '状态机安全性', description: '任何两台服务器都不会在同一索引处应用不同的条目。' },
  'raft:term-monotonic': { title: '任期只增不减', description: '服务器的 currentTerm 从不减小，重启后也一样。' },
  'raft:one-vote-per-term': { title: '每任期一票', description: '服务器在一个任期内至多投票给一个候选者，重启后也一样。' },
  'twopc:tc-consistent': { title: '结果一致', description: '在整个运行过程中，任何 RM 都不会提交另一个 RM 已中止的事务。' },
  'twopc:commit-needs-all-prepared': { title: '所有 RM 都已准备好才能提交', description: 'TM 或 RM 只有在每个 RM 都 prepared 某个事务之后才会提交它。' },
  'twopc:abort-only-from-working': { title: '只有尚在工作中的 RM 才能单方面中止', description: 'RM 只有在 working 时才会自行中止；一旦 prepared，只有在 TM 或另一个 RM 已中止之后它才会中止。' },
  'twopc:decisions-final': { title: '决定不可更改', description: 'TM 或 RM 一旦提交或中止某个事务，该决定永不改变也不会被遗忘，重启后也一样。' },
  'threepc:tc-consistent': { title: '结果一致', description: '在整个运行过程中，任何站点都不会提交另一个站点已中止的事务。' },
  'threepc:commit-needs-all-yes': { title: '所有参与者都投赞成票才能提交', description: '站点只有在每个参与者都投了 Yes 之后才会提交事务。' },
  'threepc:decisions-final': { title: '决定不可更改', description: '站点一旦提交或中止某个事务，该决定永不改变也不会被遗忘，重启后也一样。' },
  'chash:movement': { title: '键只移向加入者或移出离开者', description: '交接只把键移入正在加入的服务器，或只从正在离开的服务器移出，并且只移动副本集合获得接收方的键。' },
  'chash:replicas-after-handoff': { title: '环稳定后恰好 R 个副本', description: '当所有服务器的环视图相同且没有进行中的加入或离开时，每个键只存储在它的副本上，每个已确认的键存储在它的全部副本上。' },
  'chash:no-loss': { title: '已确认的写入不会丢失', description: '每个已确认的写入（该版本或更新版本）至少由 min(R, 环大小) 台服务器持有（崩溃的服务器保留磁盘；随磁盘丢失的副本计为崩溃），因此少于 R 次崩溃时它仍可读。' },
  'paxos:consensus': { title: '至多选定一个值', description: '至多只有一个值被选定（某个法定人数的接受者在同一选票中投票给它）。' },
  'paxos:one-value-per-ballot': { title: '每个选票一个值', description: '没有两个接受者在同一选票中投票给不同的值。' },
  'paxos:votes-safe': { title: '每一票都安全', description: '每一票在其选票上都是安全的：在更低的选票中，没有其他值已被或仍可能被选定。' },
  'paxos:promise-monotone': { title: '承诺从不回退', description: '接受者的 maxBal 从不减小，重启后也一样。' },
  'paxos:learn-sound': { title: '只学到已选定的值', description: '学习者（或提议者，或提议者的客户端）认为某个值已被选定，仅当它确实已被选定。' },
  'paxos:validity': { title: '只有被提议的值才会被选定', description: '每个被选定的值都曾通过 propose 命令交给某个提议者。' },
  ...zab.zabInvariants,
  'lock:server-mutex': { title: '每把锁只有一个持有者，跨主节点亦然', description: '在任何时刻，主租约有效的各主节点视图中，不会有两个会话持有同一把锁，无论它们服务哪个纪元。' },
  'lock:token-monotone': { title: '序列号严格递增', description: '每当数据库记录一把锁交给某个持有者时，其代数都高于这把锁以往的任何代数，跨故障切换亦然。' },
  'lock:storage-fence': { title: '存储从不回退到更旧的令牌', description: '开启防护时，存储不接受令牌低于它已为该资源接受过的令牌的写入。' },
  'lock:storage-mutex': { title: '较新的持有者写入后，较旧的持有者不能再写入', description: '一旦以较新授予发出的写入落到存储中，以较旧授予发出的写入就不会再落地：数据永远不会看到两个持有者交错写入。' },
  'lock:lease-belief': { title: '两个客户端不会同时认为自己持有锁', description: '在任何时刻，都不会有两个客户端同时作为同一把锁的持有者行事。它依赖于假定的时钟漂移界限：超出界限的偏差会破坏它。' },
  'lock:no-act-in-jeopardy': { title: '处于危险期或已过期的客户端不行动', description: '本地租约耗尽的客户端在 KeepAlive 让它重新安全之前，不发送写入，也不发出锁调用。' },
  ...multipaxos.invariants,
};

/** Invariants every protocol of a kind gets (src/check/invariants.ts `invariantsOf`), by id. */
const zhSharedInvariants: Record<string, Text> = {
  linearizable: { title: '客户端历史可线性化', description: '每个键都表现为一个寄存器：每个操作在其调用与回答之间的某一瞬间生效（未得到回答的写入可能生效，也可能不生效）。' },
};
export const TRANSLATED_SHARED_INVARIANTS = Object.keys(zhSharedInvariants);

const zhBugs: Record<string, string> = {
  'raft:commit-previous-term': '领导者通过统计副本数提交之前任期的条目（论文图 8 中的缺陷）。',
  'raft:ack-on-append': '领导者一追加条目就回答写入成功，而不等它提交：被隔离在少数派中的领导者会确认之后被覆盖的写入。',
  'raft:stale-read': '领导者不确认自己仍是领导者就用自己的状态回答读取：少数派中被罢免的领导者会返回过期的值。',
  'raft:forget-vote-on-restart': 'votedFor 未被持久化，重启后的服务器可能在同一任期投票两次。',
  'twopc:tm-no-log': 'TM 发送决定前没有把它强制写入日志，因此恢复后的 TM 已遗忘该决定并推定中止。',
  'twopc:rm-no-log': 'RM 没有把 Prepared 投票强制写入磁盘，因此重启后它以为自己仍在 working，可能单方面中止。',
  'chash:no-handoff': '加入的服务器不拉取它获得的区间就宣布就绪，因此在它上面的读取找不到数据，旧副本还删除了仅剩的副本。',
  'chash:drop-before-ack': '离开的服务器每发出一个键就删除它，且不等确认就离开，因此一次丢失的传输就会丢失该键。',
  'chash:whole-store': '旧副本用整个存储回答加入者，而不是只给它获得的区间，因此键被移到并不负责它们的服务器上。',
  'paxos:ignore-promised-votes': '提议者忽略 1b 消息中报告的投票，总是提议自己的值。',
  'paxos:forget-promise': '接受者不持久化 maxBal：重启后它遗忘了自己的承诺（只保留投票）。',
  'paxos:forget-vote': '接受者不持久化 maxVBal 和 maxVal：重启后它在 1b 消息中报告没有投票。',
  'paxos:minority-quorum': '提议者和学习者把 ⌊n/2⌋ 个接受者当作法定人数，因此两个法定人数不一定相交。',
  'paxos:learner-counts-messages': '学习者统计 2b 消息的数量而不是不同的接受者，因此重复的 2b 会被计算两次。',
  ...zab.zabBugs,
  'lock:storage-ignores-tokens': '存储无论令牌如何都接受每次写入，就像一台对锁一无所知的服务器。',
  'lock:no-lease-extension': '新主节点不延长它重建的会话：尚未联系它的会话立即过期，而它们的客户端仍信任各自的本地租约。',
  'lock:lease-from-reply': '客户端在 KeepAlive 回复到达时才开始本地租约，并忽略时钟界限，因此它信任租约的时间比主节点保留会话的时间更长。',
  'lock:volatile-generation': '锁的代数只保存在主节点内存中：新主节点从零重新开始。',
  'lock:ignore-jeopardy': '客户端在危险期以及会话过期后仍继续写入。',
  ...multipaxos.bugs,
};

const zhProtocols: Record<string, string> = {
  raft: 'Raft',
  twopc: '两阶段提交',
  threepc: '三阶段提交',
  chash: '一致性哈希',
  paxos: 'Paxos（单值）',
  zab: 'Zab（ZooKeeper 原子广播）',
  lock: '锁服务（Chubby、防护令牌）',
  ...multipaxos.protocolName,
};

/** A protocol's name. */
export function protocolName(lang: Lang, p: { id: string; name: string }): string {
  return (lang === 'zh-CN' ? zhProtocols[p.id] : undefined) ?? p.name;
}
export const TRANSLATED_PROTOCOLS = Object.keys(zhProtocols);

const zhCommands: Record<string, Text> = {
  'raft:request': { title: '客户端请求', description: '客户端通过该服务器写入：x=1（或 put x 1）把 1 写到 x。领导者在条目提交并应用后才回答；跟随者回答领导者提示。' },
  'raft:read': { title: '客户端读取', description: '客户端通过该服务器读取一个键。领导者先用一轮心跳确认自己仍是领导者（ReadIndex）再回答；跟随者回答领导者提示。' },
  'twopc:begin': { title: '开始事务', description: 'TM 开始一个事务：向每个 RM 发送 Prepare 并等待它们的投票。' },
  'twopc:vote-no': { title: '投反对票', description: 'RM 选择中止（RMChooseToAbort），以中止票回答 Prepare。' },
  'threepc:begin': { title: '开始事务', description: '协调者开始一个事务：向每个参与者发送 CanCommit 并等待它们的投票。' },
  'threepc:vote-no': { title: '投反对票', description: '参与者选择对下一个 CanCommit 投 No。' },
  'chash:put': { title: '写入', description: '客户端把键值对写到该键的副本上。' },
  'chash:get': { title: '读取', description: '客户端从该键的副本读取它的值。' },
  'chash:join': { title: '加入环', description: '该服务器加入环，并从旧副本拉取它获得的区间。' },
  'chash:leave': { title: '离开环', description: '该服务器把它的键交给新的副本，然后离开环。' },
  'paxos:propose': { title: '提议', description: '客户端请求该提议者让一个值被选定。它得到的回答是被选定的值，可能是另一个提议者的值。' },
  ...zab.zabCommands,
  'lock:acquire': { title: '获取锁', description: '客户端请求锁（Chubby 的 Acquire，或带 TTL 的 Redis SET NX），在获得之前不断请求。' },
  'lock:write': { title: '写入存储', description: '若客户端持有锁，它先完成工作，然后以序列号作为令牌把值写入存储。' },
  'lock:release': { title: '释放锁', description: '客户端不再持有锁并通知主节点（或删除它的 Redis 键）。' },
  ...multipaxos.commands,
};

/** A command's label and description. */
export function commandText(lang: Lang, protocol: string, c: { id: string; label: string; description: string }): { label: string; description: string } {
  const zh = lang === 'zh-CN' ? zhCommands[`${protocol}:${c.id}`] : undefined;
  return zh ? { label: zh.title, description: zh.description } : { label: c.label, description: c.description };
}

/** An invariant's name and one-line meaning. */
export function invariantText(lang: Lang, protocol: string, inv: { id: string; name: string; description: string }): { name: string; description: string } {
  const zh = lang === 'zh-CN' ? (zhInvariants[`${protocol}:${inv.id}`] ?? (Object.hasOwn(zhSharedInvariants, inv.id) ? zhSharedInvariants[inv.id] : undefined)) : undefined;
  return zh ? { name: zh.title, description: zh.description } : { name: inv.name, description: inv.description };
}

/** Where an invariant comes from (citations kept, prose translated). */
export function sourceText(lang: Lang, protocol: string, inv: { id: string; source: string }): string {
  return (lang === 'zh-CN' ? (zhSources[`${protocol}:${inv.id}`] ?? zhSources[inv.id]) : undefined) ?? inv.source;
}

/** A bug switch's description. */
export function bugText(lang: Lang, protocol: string, bug: { id: string; description: string }): string {
  return (lang === 'zh-CN' ? zhBugs[`${protocol}:${bug.id}`] : undefined) ?? bug.description;
}

/** For tests: every translated invariant and bug, as protocol:id. */
export const TRANSLATED_INVARIANTS = Object.keys(zhInvariants);
export const TRANSLATED_BUGS = Object.keys(zhBugs);
export const TRANSLATED_SOURCES = Object.keys(zhSources);
export const TRANSLATED_COMMANDS = Object.keys(zhCommands);
