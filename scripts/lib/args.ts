/** A small command-line parser: `--flag`, `--option value` / `--option=value`, positionals. */

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, boolean>;
  options: Record<string, string | undefined>;
}

/** Parses argv; unknown `--names` are an error so typos are not silently ignored. */
export function parseArgs(argv: string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const result: ParsedArgs = { positional: [], flags: {}, options: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      result.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags.includes(name)) result.flags[name] = true;
    else if (spec.options.includes(name)) result.options[name] = inline ?? argv[++i];
    else {
      process.stderr.write(`unknown option --${name}; known: ${[...spec.flags, ...spec.options].map((n) => `--${n}`).join(' ')}\n`);
      process.exit(2);
    }
  }
  return result;
}
