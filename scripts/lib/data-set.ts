/**
 * The output set swapped whole: a run writes its files into a new folder beside the output
 * (`.data.new-<pid>` next to `data`), then renames the old folder aside and the new one into
 * place, and removes the old. A reader, or a kill -9 at any moment, sees the previous set or the
 * new one, never a mix: until the first rename the previous set is untouched; between the two
 * renames (two system calls apart) it is whole under `.data.old-<pid>`, and the next run puts it
 * back before anything else. The next run also removes whatever a dead run left beside it.
 */
import { COLUMNAR_FILES } from './write-columnar.ts';
import { DATA_FILES } from '../../src/app/load-data.ts';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Every file a run may write: one the new set lacks is not carried over from the old (a columnar set has no articles.json, a smaller run's set no events.bin). */
const PIPELINE_FILES: readonly string[] = [...COLUMNAR_FILES, ...Object.values(DATA_FILES)];

/** Makes the output's parent ready and cleans up after killed runs; returns a fresh folder for the new set. */
export function newSet(outDir: string): string {
  const { parent, name } = parts(outDir);
  mkdirSync(parent, { recursive: true });
  recover(outDir);
  const dir = join(parent, `.${name}.new-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
}

/**
 * Puts the set in `newDir` in place of `outDir`. Files of the old set the run does not write
 * (the sample marker, a user's notes) are carried over first.
 */
export function swapIn(newDir: string, outDir: string): void {
  const { parent, name } = parts(outDir);
  if (existsSync(outDir)) {
    for (const entry of readdirSync(outDir)) {
      if (PIPELINE_FILES.includes(entry)) continue;
      if (!existsSync(join(newDir, entry))) cpSync(join(outDir, entry), join(newDir, entry), { recursive: true });
    }
    const old = join(parent, `.${name}.old-${process.pid}`);
    rmSync(old, { recursive: true, force: true });
    renameSync(outDir, old);
    renameSync(newDir, outDir);
    rmSync(old, { recursive: true, force: true });
  } else renameSync(newDir, outDir);
}

/** Removes a set that will not be swapped in (a failed run). */
export function dropSet(newDir: string): void {
  rmSync(newDir, { recursive: true, force: true });
}

/**
 * After a killed run: the previous set back in place if the kill fell between the two renames,
 * and every folder of a dead run removed.
 */
export function recover(outDir: string): void {
  const { parent, name } = parts(outDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent)
    .map((entry) => ({ entry, match: new RegExp(`^\\.${escape(name)}\\.(new|old)-(\\d+)$`).exec(entry) }))
    .filter((l) => l.match && !isAlive(Number(l.match[2])));
  const old = leftovers.find((l) => l.match![1] === 'old');
  if (!existsSync(outDir) && old) renameSync(join(parent, old.entry), outDir);
  for (const l of leftovers) rmSync(join(parent, l.entry), { recursive: true, force: true });
}

function parts(outDir: string): { parent: string; name: string } {
  const full = resolve(outDir);
  return { parent: dirname(full), name: basename(full) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a process of this id runs (a dead run's leftovers are removed, a live one's kept). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
