/**
 * geoparse is a stateless JSONL filter, so it shards: GNU parallel cuts stdin at line ends into
 * blocks, runs one geoparse per block, and with --keep-order writes their outputs in input
 * order; merged, they must equal one process's output byte for byte. The same command runs
 * across hosts (--sshlogin) or under Spark's RDD.pipe (docs/scale.md). Needs GNU parallel
 * (Debian package `parallel`, installed by .ci/run); skipped, saying so, where it is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScaleCorpus } from '../scripts/lib/scale-corpus.ts';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout?.startsWith('GNU parallel') ?? false;
if (!hasParallel) console.warn('test/geoparse-sharded.test.ts skipped: GNU parallel is not installed (apt-get install parallel)');

describe.skipIf(!hasParallel)('geoparse sharded with GNU parallel', () => {
  it('writes, merged, exactly what one process writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geoparse-sharded-'));
    try {
      const [file] = makeScaleCorpus(dir, 90, { seed: 5 });
      const input = readFileSync(file, 'utf8');
      const geoparse = [process.execPath, '--import', 'tsx', 'scripts/geoparse.ts'];
      const single = spawnSync(geoparse[0], geoparse.slice(1), { input, encoding: 'utf8', timeout: 240_000 });
      // 30 lines a shard, two at a time: three shards, so order across shards is tested too.
      const sharded = spawnSync('parallel', ['--pipe', '--keep-order', '-N', '30', '-j', '2', ...geoparse], { input, encoding: 'utf8', timeout: 240_000 });
      expect(single.status).toBe(0);
      expect(sharded.status, sharded.stderr).toBe(0);
      expect(sharded.stderr.match(/articles written/g)).toHaveLength(3);
      expect(single.stdout.split('\n').filter(Boolean)).toHaveLength(90);
      expect(sharded.stdout).toBe(single.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
