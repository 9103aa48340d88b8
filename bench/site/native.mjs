// The native columns: jieba-rs and the wenxi engine on the benchmark's text files, by the
// example crates/core/examples/bench_native.rs (it prints one JSON object; medians of `runs`).
import { spawnSync } from 'node:child_process';
import { root } from '../../tests/e2e/harness.mjs';

export function measureNative(files, runs) {
  const args = ['run', '--quiet', '--release', '-p', 'wenxi-core', '--example', 'bench_native', '--',
    '--runs', String(runs), ...files];
  const out = spawnSync('cargo', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out.status !== 0) throw new Error(`cargo ${args.join(' ')} failed (exit ${out.status})`);
  return JSON.parse(out.stdout);
}
