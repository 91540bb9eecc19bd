// `tartip <command> [...]`: each command is a module in client/commands/<name>.ts exporting
// `command: CliCommand`. Exit codes: 0 ok, 1 error, 2 bad usage or bad input, 3 legal refusal, 4 found wrong.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { CliCommand } from './command.js';
import { EXIT } from './command.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

function commandNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<CliCommand> {
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { command: CliCommand };
  return mod.command;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = commandNames();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['Usage: tartip <command> [options]   (tartip <command> --help for details)', '', 'Commands:'];
    for (const n of names) lines.push(`  ${n.padEnd(10)} ${(await load(n)).summary}`);
    process.stdout.write(lines.join('\n') + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (!names.includes(name)) {
    process.stderr.write(`tartip: unknown command '${name}'; known: ${names.join(', ')}\n`);
    return EXIT.usage;
  }
  return (await load(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`tartip: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(EXIT.error);
  },
);
