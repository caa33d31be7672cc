/** Every UI string, in English and Simplified Chinese. Keys are stable; add both languages. */
export const en = {
  'app.title': 'Faultline',
  'app.tagline': 'A laboratory for distributed protocols: run them, break them, replay them exactly.',
  'scenarios.heading': 'Curated scenarios',
  'scenarios.run': 'Run',
  'scenarios.runLabel': 'Run scenario {name}',
  'result.heading': 'Result',
  'result.events': '{count} events, {time} ms simulated',
  'result.noViolation': 'Every invariant held.',
  'result.violations': 'Invariant violations',
  'result.none': 'Pick a scenario to run it here, in your browser.',
  'lang.label': 'Language',
} as const;

export type StringKey = keyof typeof en;

export const zhCN: Record<StringKey, string> = {
  'app.title': 'Faultline',
  'app.tagline': '分布式协议实验室：运行、破坏、精确重放。',
  'scenarios.heading': '精选场景',
  'scenarios.run': '运行',
  'scenarios.runLabel': '运行场景 {name}',
  'result.heading': '结果',
  'result.events': '{count} 个事件，模拟 {time} 毫秒',
  'result.noViolation': '所有不变式均成立。',
  'result.violations': '不变式被违反',
  'result.none': '选择一个场景，在浏览器中运行。',
  'lang.label': '语言',
};
