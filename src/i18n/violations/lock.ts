/** The lock service's violation messages (src/protocols/lock/invariants.ts) in Chinese, in the
 * terms of content.ts: 主节点 master, 会话 session, 序列号 sequencer, 令牌 token, 授予 grant,
 * 危险期 jeopardy. */
import type { Rule } from './rule';

const SESSION: Record<string, string> = { 'in jeopardy': '处于危险期', expired: '已过期' };

export const lockRules: Rule[] = [
  // server-mutex
  [/^two masters' views grant (.+?) to sessions (\S+) and (\S+) at once$/, '两个主节点的视图同时把 $1 授予会话 $2 和 $3'],
  // token-monotone
  [/^the database records (.+?) granted to (\S+) with sequencer (\d+), but (.+?) already had sequencer (\d+)$/, '数据库记录 $1 以序列号 $3 授予了 $2，但 $4 已有过序列号 $5'],
  // storage-fence
  [/^storage accepted token (\d+) for (.+?) after token (\d+)$/, '存储在接受令牌 $3 之后，又为 $2 接受了令牌 $1'],
  // storage-mutex
  [/^(\S+) wrote (.+?) under grant #(\d+) after (\S+)'s write under the newer grant #(\d+) had landed$/, '$4 以较新的授予 #$5 发出的写入落地之后，$1 又以授予 #$3 写入了 $2'],
  // lease-belief
  [/^(\S+) and (\S+) both believe they hold (.+)$/, '$1 和 $2 都认为自己持有 $3'],
  // no-act-in-jeopardy
  [/^(\S+) sent (\S+) while its session was (in jeopardy|expired)$/, (_, c, type, s) => `${c} 在会话${SESSION[s!] ?? `为 ${s}`}时发送了 ${type}`],
];
