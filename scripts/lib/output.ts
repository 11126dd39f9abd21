/** Writing outputs: atomic file writes and a terminal progress bar that stays off pipes. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** Writes a file atomically: to a temporary name in the same folder, then renamed over. */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(total: number, label: string): { tick: (done: number) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = -1;
  return {
    tick(done: number) {
      if (!tty || total === 0) return;
      const percent = Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (tty && total > 0) process.stderr.write('\n');
    },
  };
}
