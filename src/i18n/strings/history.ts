/** Strings of the client-history panel (add keys to both languages). */
export const en = {
  'history.title': 'Client history',
  'history.status.ok': 'ok',
  'history.status.fail': 'failed',
  'history.status.info': 'unknown',
  'history.status.pending': 'no answer yet',
  'history.violating': 'in the violation',
  'history.linearizable': 'Linearizable so far',
  'history.notLinearizable': 'Not linearizable',
  'history.linearizableInfo': 'Linearizable so far (not promised by this protocol)',
  'history.notLinearizableInfo': 'Not linearizable (this protocol does not promise it)',
  'history.empty': 'No client operations yet: send a request or a read to a node.',
  'history.lanes': '{ops} operations of {clients} clients',
  'history.op': '{op} by {client}: {status}, from {from} ms to {to} ms. Press to go there.',
};

export const zhCN: Record<keyof typeof en, string> = {
  'history.title': '客户端历史',
  'history.status.ok': '成功',
  'history.status.fail': '失败',
  'history.status.info': '未知',
  'history.status.pending': '尚无回答',
  'history.violating': '属于违例',
  'history.linearizable': '目前可线性化',
  'history.notLinearizable': '不可线性化',
  'history.linearizableInfo': '目前可线性化（该协议并不保证）',
  'history.notLinearizableInfo': '不可线性化（该协议并不保证这一点）',
  'history.empty': '还没有客户端操作：向某个节点发送写入或读取请求。',
  'history.lanes': '{clients} 个客户端的 {ops} 个操作',
  'history.op': '{client} 的 {op}：{status}，从 {from} 毫秒到 {to} 毫秒。按下即可跳转到那里。',
};
