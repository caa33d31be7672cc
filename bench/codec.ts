/**
 * The codec against a DEFLATE bomb, timed (the test counts bytes instead): a link of about
 * 190 KB that would inflate to 180 MB, decoded and refused at the 1 MiB cap.
 */
import { decodeScenarioUrl } from '../src/scenario/codec';
import { encodeBase64url } from '../src/scenario/base64url';
import { inflateCapped } from '../src/scenario/inflate';
import { bigBomb } from '../src/scenario/bomb';
import { getProtocol } from '../src/protocols/registry';
import { validateScenario } from '../src/scenario/validate';

export function benchCodec(): void {
  const bomb = bigBomb();
  const link = `#s=${encodeBase64url(bomb.bytes)}`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    decodeScenarioUrl(link, getProtocol);
    times.push(performance.now() - t0);
  }
  const r = inflateCapped(bomb.bytes, 1 << 20);
  const produced = !r.ok && r.reason === 'too-large' ? `${(r.produced / 1024 / 1024).toFixed(2)} MiB inflated of ${bomb.inflated / 1024 / 1024} MiB` : 'not refused';
  console.log(`DEFLATE bomb (${(link.length / 1024).toFixed(0)} KiB link): refused in ${Math.min(...times).toFixed(1)} ms (best of 5, max ${Math.max(...times).toFixed(1)} ms; target 500 ms), ${produced}`);
}

/** The validator on hostile shapes, timed (the tests count element reads instead). */
export function benchValidator(): void {
  const module = getProtocol('raft')!;
  const base = module.scenarios[0]!;
  const shapes: [string, unknown][] = [
    ['30,000 nodes (over the cap) + 10,000 actions', { ...base, nodes: Array.from({ length: 30_000 }, (_, i) => `n${i}`), actions: Array.from({ length: 10_000 }, (_, i) => ({ at: i, do: 'crash', node: `n${29_999 - (i % 500)}` })), until: 100_000 }],
    ['5 nodes + 10,000 actions', { ...base, actions: Array.from({ length: 10_000 }, (_, i) => ({ at: i, do: i % 2 ? 'crash' : 'restart', node: `n${1 + (i % 5)}` })), until: 100_000 }],
  ];
  for (const [name, input] of shapes) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      validateScenario(input, getProtocol);
      times.push(performance.now() - t0);
    }
    console.log(`validator, ${name}: best ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target well under 1 s)`);
  }
}
