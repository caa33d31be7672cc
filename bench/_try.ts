import { getProtocol } from '../src/protocols/registry';
import { Search, localExecutor } from '../src/check/explorer/search';
import { shrink } from '../src/check/explorer/shrink';
const [proto, bug, seedS, maxS] = process.argv.slice(2);
const module = getProtocol(proto!)!;
const search = new Search(module, { protocol: proto!, bugs: bug ? [bug] : [], seed: Number(seedS ?? 1) });
const exec = localExecutor(module);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now(); const c0 = cpu();
for (;;) {
  const v = await search.step(exec);
  const p = search.progress();
  if (v || p.runs >= Number(maxS ?? 2000)) {
    console.log(`runs ${p.runs} events ${p.events} states ${p.states} archive ${p.archive} share ${JSON.stringify(p.share)} ${((performance.now() - t0) / 1000).toFixed(1)}s wall, ${Math.round(p.events / ((cpu() - c0) / 1000))} ev/cpu-s`);
    if (v) {
      console.log('found', v.index, v.strategy, v.violation.invariant, v.violation.message, v.violation.scenario.actions.length);
      const t1 = performance.now();
      const r = shrink(module, v.violation.scenario, v.violation.invariant);
      console.log('shrunk', r.scenario.actions.length, 'runs', r.runs, r.confirmed, ((performance.now() - t1) / 1000).toFixed(1) + 's');
      console.log(JSON.stringify(r.scenario));
    }
    break;
  }
}
