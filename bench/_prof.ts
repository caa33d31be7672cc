const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { raft } from '/work/wt/explore/src/protocols/raft';
import { randomScenario } from '/work/wt/explore/src/check/explore';
import { Simulation } from '/work/wt/explore/src/sim/simulation';
const nodes = Number(process.argv[2] ?? 3); const inv = process.argv[3] !== 'noinv';
const scenario = randomScenario(raft, 2026, { nodes, until: 50_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
const sim = new Simulation(raft, scenario, { record: false, checkpointEvery: 0, invariants: inv });
let last = cpuNow();
for (let c = 0; c < 5; c++) { sim.run(100_000); const now = cpuNow(); console.log(Math.round(100000/((now-last)/1000)), sim.current.time); last = now; }
