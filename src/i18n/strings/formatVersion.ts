/** Scenario format versions (issue 12): the phrase a link from a newer build is refused with. */
export const en = {
  'formatVersion.link.newer': 'comes from a newer Faultline; this build reads versions',
};

export const zhCN: Record<keyof typeof en, string> = {
  'formatVersion.link.newer': '来自更新版本的 Faultline；当前版本只能读取版本',
};
