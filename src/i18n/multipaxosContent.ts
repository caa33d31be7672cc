/** Simplified Chinese for Multi-Paxos's curated scenarios, invariants, bug switches and
 * command (content.ts spreads these into its tables). The English is the protocol's own. */
type Text = { title: string; description: string };

export const scenarios: Record<string, Text> = {
  'multipaxos:steady-state': { title: '稳定状态：一次 Prepare，许多命令', description: 'n1 只运行一次阶段 1，覆盖所有槽位（向每个对等节点发一条 Prepare），之后仅用阶段 2 把八条客户端命令以流水线方式放进槽位 1–8：每个槽位在多数节点投票后提交，每个副本按槽位顺序执行（Paxos Made Simple 第 3 节）。' },
  'multipaxos:leader-change': { title: '槽位在途时更换领导者', description: 'n1 提交 x=1 和 y=2，随后为槽位 3 发送 w=3；只有 n2 为它投票（发往 n3 的 Accept 被切断），加上 n1 自己的一票，w=3 已被选定，而 n1 在发出任何提交通知前崩溃。n3 从未见过 w=3，但它唯一的 Prepare 到达 n2，n2 的回复报告了投票 ⟨1, 槽位 3, w=3⟩：n3 在选票 3 中为槽位 3 再次提议 w=3，下一条命令 w=4 进入槽位 4。n1 重启后追上进度。' },
  'multipaxos:acceptor-restart': { title: '接受者崩溃并带着磁盘上的投票重启', description: '再次更换领导者，但 n2 在为槽位 3 的 w=3 投票后立即崩溃，并在 n3 的 Prepare 到达前重启。它的投票在 AcceptReply 发出前已写入磁盘，因此它的 Prepare 回复仍报告 ⟨1, 槽位 3, w=3⟩，结果相同：所有节点的槽位 3 都是 w=3。' },
  'multipaxos:gap-noop': { title: '用空操作填补空洞', description: 'n1 在槽位 1 提交 x=1。它为槽位 2（x=4）发出的 Accept 在所有链路上丢失；为槽位 3（y=5）发出的 Accept 只到达 n2，于是 y=5 在槽位 3 被选定而槽位 2 为空，随后 n1 崩溃。n2 接任：Prepare 回复报告槽位 3 有 y=5、槽位 2 没有投票，于是它为槽位 2 提议空操作、为槽位 3 提议 y=5（Paxos Made Simple 第 3 节）。在槽位 2 决定之前，没有节点执行 y=5。' },
  'multipaxos:out-of-order-commit': { title: '槽位乱序提交，副本按序执行', description: 'n1 担任领导者。槽位 2（x=2）的 Accept 丢失；槽位 3（x=3）先提交。副本持有已提交但未执行的 x=3，直到 n1 随下一次心跳重发槽位 2 并提交：然后槽位 2 和 3 按顺序执行，x 最终为 3。' },
  'multipaxos:stale-leader': { title: '两个领导者：少数派中的过期领导者', description: 'n1 担任选票 1 的领导者并提交 a=1。分区把它隔离；n2 和 n3 以选票 2 继续，在槽位 2 提交 w=6。n1 仍以为自己是领导者，以选票 1 把 x=9 放进槽位 2，但没有多数派能为它投票。分区恢复后，n1 得知选票 2，退位并得知槽位 2 为 w=6；x=9 从未被确认。' },
  'multipaxos:livelock': { title: '活锁：两个候选领导者互相抢占', description: 'n1 和 n2 之间只有一条慢链路（60 毫秒），比它们的选举超时（30–40 毫秒）更长。每一方都通过 n3 准备更高的选票，从而抢占另一方的阶段 2，于是每 60–80 毫秒就有一条新的 Prepare，选票从 1 升到 16：这就是 PMMC 第 3 节（图 9）中的对决。x=1 在 n1 短暂的任期内提交；n2 接收的 y=2 从未提交，也没有发生任何不安全的事。这里的随机超时太短，打破不了这种模式；只有 n2 在 600 毫秒崩溃才结束它。' },
  'multipaxos:ignore-prepare-votes-bug': { title: '缺陷：新领导者忽略 Prepare 回复中的投票', description: '与上面相同的领导者更换，但新领导者忽略 Prepare 回复报告的内容。n3 以为槽位 3 空闲，以选票 3 把 w=4 放进去，尽管 w=3 已在那里被选定：它自己的一票立即违反 A5；n2 也投票后，槽位 3 中有两条命令被选定。' },
  'multipaxos:commit-quorum-minus-one-bug': { title: '缺陷：少一票就提交', description: '上面的过期领导者场景，但领导者把多数减一当作法定人数。n1 独自处在少数派中，仅凭自己的一票就在槽位 2 提交 x=9 并告诉客户端，尽管那里什么都没有被选定；随后多数派一侧以选票 2 在槽位 2 提交 w=6，两个副本对槽位 2 的内容不一致。' },
  'multipaxos:accept-below-promise-bug': { title: '缺陷：接受者接受低于承诺的选票', description: 'n1 到 n3 的链路很慢（70 毫秒）。n1 担任选票 1 的领导者，提交 x=1，然后只凭自己的一票把 x=9 放进槽位 2（发往 n2 的 Accept 被切断），随后崩溃。n2 通过 n3 担任选票 2 的领导者，在槽位 2 提交 y=2。之后 n1 的旧 Accept 到达 n3，尽管 n3 已承诺选票 2，它仍然接受：它的 balMaxKnown 退回到 1，它的投票使 x=9 在选票 1 中于槽位 2 被选定，与 y=2 并存。' },
  'multipaxos:execute-across-gap-bug': { title: '缺陷：副本越过空洞执行', description: '上面的乱序提交场景，但副本在槽位一提交就执行。n1 在槽位 2 仍未决定时执行了槽位 3 的 x=3：它的应用状态不再是槽位 1..commitUpTo 的折叠（PMMC R3）；槽位 2 提交后，每个副本上的 x 最终为 2 而不是 3。' },
  'multipaxos:bare-commit-notice-bug': { title: '缺陷：不带命令的提交通知', description: '五个副本。n1 担任选票 1 的领导者，只让 n2 在槽位 1 为 X 投票，随后崩溃。n3 通过 n3、n4、n5（它们没有见过任何投票）担任选票 3 的领导者，在槽位 1 提交 Y。它的通知到达错过了选票 3 的 Prepare 和 Accept 的 n2。通知只带槽位时，n2 提交了它自己最后的投票 X：两个副本不一致，而且 n2 提交的命令并未被选定。' },
  'multipaxos:compare-leader-crash': { title: 'Multi-Paxos 对比 Raft：领导者在条目在途时崩溃', description: 'n1 担任领导者并提交 x=1；随后 y=2 只到达 n2，n1 崩溃。缺少 y=2 的 n3 最先超时。Multi-Paxos（左）：任何副本都可以成为领导者；n3 唯一的 Prepare 得知 n2 对 y=2 的投票并再次提议它，于是 y=2 在 n3 领导下于槽位 2 提交。Raft（右）：n3 的日志落后，n2 拒绝为它投票（选举限制），因此只有 n2 能获胜；y=2 在它的日志中，但 Raft 领导者只有在其上方有一条本任期的条目提交后，才会提交之前任期的条目——这里是 z=3——这正是实际的 Raft 领导者在当选时追加一条空操作的原因（此侧关闭了它，以展示这条规则本身）。' },
  'multipaxos:compare-stale-leader': { title: 'Multi-Paxos 对比 Raft：少数派中的过期领导者', description: 'n1 担任领导者并提交 a=1；分区把它隔离，n2 接任并提交 w=6，仍以为自己是领导者的 n1 接收了 x=9。两个协议都让 x=9 保持未提交，并在分区恢复后丢弃它。Multi-Paxos（左）：n1 的 Accept 带着选票 1，低于另一侧的所有承诺，因此被拒绝（Preempted），n1 在槽位 2 的投票被 w=6 的提交通知取代。Raft（右）：n1 在任期 1 把 x=9 追加到日志；得知任期 2 后退位，新领导者的 AppendEntries 截断它的日志，用 w=6 替换 x=9（日志匹配）。Raft 一侧不追加领导者空操作，因此两边日志中的客户端命令相同。' },
};

export const invariants: Record<string, Text> = {
  'multipaxos:consistency': { title: '每个槽位只选定一条命令', description: '每个槽位至多选定一条命令（多数节点在同一选票中为它投票）。' },
  'multipaxos:commits-agree': { title: '副本在每个槽位提交相同的命令', description: '没有两个副本在同一槽位提交不同的命令。' },
  'multipaxos:applied-is-fold': { title: '应用状态与按序执行已提交槽位的结果一致', description: '副本的应用状态等于按槽位顺序应用其已提交的槽位 1..commitUpTo，不多也不少。' },
  'multipaxos:bal-max-known-monotone': { title: '承诺从不回退', description: '副本的 balMaxKnown（它的承诺）从不减小，重启后也一样。' },
  'multipaxos:one-command-per-ballot-slot': { title: '每个选票和槽位一条命令', description: '同一选票、同一槽位中没有两张投给不同命令的票。' },
  'multipaxos:chosen-is-proposed-above': { title: '已选定的命令就是更高选票中投票的命令', description: '一旦某条命令在某个槽位于选票 b 被选定，该槽位中更高选票的每张票都投给同一条命令。' },
  'multipaxos:commit-is-chosen': { title: '已提交的命令都已被选定', description: '副本只在某条命令已在某槽位被选定时，才在该槽位提交它。' },
  'multipaxos:validity': { title: '只有提交过的命令或空操作会被选定', description: '每条被选定的命令都由某个客户端提交过，或是空操作。' },
};

export const bugs: Record<string, string> = {
  'multipaxos:ignore-prepare-votes': '新领导者忽略 Prepare 回复中的投票，把新命令放进可能已选定了命令的槽位。',
  'multipaxos:commit-quorum-minus-one': '领导者在多数减一的节点为某槽位投票时就提交它。',
  'multipaxos:accept-below-promise': '接受者接受低于其承诺的 Accept（并把 balMaxKnown 降到该选票）。',
  'multipaxos:execute-across-gap': '副本在槽位提交后立即执行它，即使它下面还有未提交的槽位。',
  'multipaxos:bare-commit-notice': '提交通知只带槽位，跟随者在那里提交它自己最后的投票（SMR 的 CommitNotice{upto}）。',
};

export const commands: Record<string, Text> = {
  'multipaxos:request': { title: '客户端请求', description: '客户端请求该副本复制一条命令（k=v）。领导者在命令提交并执行后才回答；跟随者以领导者提示拒绝。' },
};

export const protocolName = { multipaxos: 'Multi-Paxos（多值）' };
