/**
 * The architecture of src/core, checked on every import: the pipeline's stages, each a folder,
 * import only downward.
 *
 *   model.ts → common/ → text/ → dates/ → places/ → events/ → layers/ → the pipeline entry
 *   (process-article.ts, geoparse-line.ts, in src/core itself)
 *   basemap/ and eval/ stand beside the pipeline: they use model.ts and common/, nothing uses them.
 *
 * Imports are read with TypeScript's own pre-processor (comments and strings are not imports).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = resolve('src/core');
/** The pipeline's stages, lowest first: a stage may import the stages before it. */
const CHAIN = ['model', 'common', 'text', 'dates', 'places', 'events', 'layers', 'pipeline'] as const;
/** Stages beside the pipeline, and what they may import. */
const ASIDE: Record<string, string[]> = { basemap: ['model', 'common'], eval: ['model', 'common'] };
const STAGES = [...CHAIN, ...Object.keys(ASIDE)];

function mayImport(from: string, to: string): boolean {
  if (from === to) return true;
  if (from in ASIDE) return ASIDE[from].includes(to);
  const i = CHAIN.indexOf(from as (typeof CHAIN)[number]);
  const j = CHAIN.indexOf(to as (typeof CHAIN)[number]);
  return j !== -1 && j < i;
}

/** The stage of a file under src/core: its folder, or `model` / `pipeline` at the top. */
function stageOf(file: string): string {
  const parts = relative(CORE, file).split(sep);
  if (parts.length > 1) return parts[0];
  return parts[0] === 'model.ts' ? 'model' : 'pipeline';
}

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? coreFiles(path) : f.endsWith('.ts') ? [path] : [];
    });
}

interface Edge {
  from: string;
  to: string;
  specifier: string;
}

/** Every relative import of every src/core module, resolved to a file. */
function importEdges(files: string[]): Edge[] {
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({ from: file, to: resolve(dirname(file), specifier), specifier })),
  );
}

/** The stages of a cycle in the stage graph (ignoring a stage's imports of itself), or null. */
function stageCycle(edges: Edge[]): string[] | null {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!e.to.startsWith(CORE + sep)) continue;
    const [a, b] = [stageOf(e.from), stageOf(e.to)];
    if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (stage: string): string[] | null => {
    if (state.get(stage) === 'done') return null;
    if (state.get(stage) === 'open') return [...path.slice(path.indexOf(stage)), stage];
    state.set(stage, 'open');
    path.push(stage);
    for (const n of [...(next.get(stage) ?? [])].sort()) {
      const cycle = visit(n);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(stage, 'done');
    return null;
  };
  for (const stage of [...next.keys()].sort()) {
    const cycle = visit(stage);
    if (cycle) return cycle;
  }
  return null;
}

const files = coreFiles();
const edges = importEdges(files);
const name = (path: string) => relative(process.cwd(), path);

describe('src/core architecture', () => {
  it('reads the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('places every module in a known stage', () => {
    const unknown = files.filter((f) => !STAGES.includes(stageOf(f))).map(name);
    expect(unknown).toEqual([]);
  });

  it('resolves every relative import to a file, inside src/core or geodata/', () => {
    const bad = edges
      .filter((e) => !existsSync(e.to) || !(e.to.startsWith(CORE + sep) || e.to.startsWith(resolve('geodata') + sep)))
      .map((e) => `${name(e.from)} imports ${e.specifier}`);
    expect(bad).toEqual([]);
  });

  it('imports only downward: no module imports a later stage or one beside the pipeline', () => {
    const upward = edges
      .filter((e) => e.to.startsWith(CORE + sep) && !mayImport(stageOf(e.from), stageOf(e.to)))
      .map((e) => `${name(e.from)} (${stageOf(e.from)}) imports ${e.specifier} (${stageOf(e.to)})`);
    expect(upward).toEqual([]);
  });

  it('has no import cycle between stages', () => {
    expect(stageCycle(edges)).toBeNull();
  });

  it('gives every stage folder an entry module, index.ts, opening with its header comment', () => {
    const folders = readdirSync(CORE).filter((f) => statSync(join(CORE, f)).isDirectory()).sort();
    expect(folders).toEqual(STAGES.filter((s) => s !== 'model' && s !== 'pipeline').sort());
    for (const folder of folders) {
      const entry = join(CORE, folder, 'index.ts');
      expect(existsSync(entry), `${folder}/index.ts`).toBe(true);
      expect(readFileSync(entry, 'utf8')).toMatch(new RegExp(`^/\\*\\*\\n \\* Stage \`${folder}\``));
    }
  });
});
