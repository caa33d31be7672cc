/**
 * Runs `faultline` in this process and prints what it cost as one JSON line: the bench
 * spawns it per reproducer, so each figure is one fresh process (peak RSS included).
 */
import { main } from '../src/cli/main';

const t0 = performance.now();
const lines: string[] = [];
const code = main(process.argv.slice(2), { log: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) });
const cpu = process.cpuUsage();
const events = /events: (\d+)/.exec(lines.join('\n'))?.[1];
console.log(
  JSON.stringify({
    code,
    events: events === undefined ? null : Number(events),
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    errors: lines.filter((l) => l.startsWith('error: ')).map((l) => l.slice(0, 200)),
  }),
);
