/** Reading a Chrome DevTools CPU profile (Profiler.stop) for the benches: where the time went. */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file and line), in µs. */
export function selfTimes(profile: CpuProfile): Map<string, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  return byFn;
}

/** The total, then the `top` functions with the most self time, one line each. */
export function topSelfTime(profile: CpuProfile, top: number): string[] {
  const byFn = selfTimes(profile);
  const total = [...byFn.values()].reduce((a, b) => a + b, 0);
  return [
    `self time in all: ${(total / 1000).toFixed(0)} ms`,
    ...[...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`),
  ];
}

/** Inclusive time of React components (capitalized functions), counted once per stack. */
export function inclusiveComponents(profile: CpuProfile, top: number): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/^[A-Z]/.test(f.functionName) || !f.url) continue;
      const key = `${f.functionName} ${f.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  return [...incl]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}
