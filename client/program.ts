// The `tartip` command line: one commander program, each command declared (arguments, options,
// help, checks) in client/commands/<name>.ts by a `define(program)`. `run` parses, runs the action
// and maps whatever happened to an exit code: 0 ok, 1 error, 2 bad usage or input, 3 legal refusal,
// 4 checked and found wrong (client/command.ts). It never exits the process (client/cli.ts does).
import { CommanderError, Help, type Command } from 'commander';
import { TartipCommand, UsageError, commandOf, commandPath, exitCodeOf, langOfArgv, oneLine } from './cli-kit.js';
import { EXIT } from './command.js';
import * as act from './commands/act.js';
import * as audit from './commands/audit.js';
import * as calendar from './commands/calendar.js';
import * as deadline from './commands/deadline.js';
import * as list from './commands/list.js';
import * as notices from './commands/notices.js';
import * as registers from './commands/registers.js';
import * as rules from './commands/rules.js';
import * as show from './commands/show.js';
import * as signatures from './commands/signatures.js';
import * as simulate from './commands/simulate.js';
import * as start from './commands/start.js';
import * as token from './commands/token.js';

/** Every command, in the order `tartip --help` lists them. */
export const COMMANDS: readonly { define(program: Command): Command }[] = [act, audit, calendar, deadline, list, notices, registers, rules, show, signatures, simulate, start, token];

export function buildProgram(): TartipCommand {
  const program = new TartipCommand('tartip')
    .usage('<command> [options]   (tartip <command> --help for details)')
    .description('Workflow engine for the legal procedures of local government in Kazakhstan (Law No 148).')
    .exitOverride()
    .configureOutput({ outputError: () => {} }) // errors are UsageErrors, printed by run()
    .showSuggestionAfterError(true)
    // texts with line breaks are laid out by hand (client/commands/*): kept as written
    .configureHelp({ boxWrap: (str: string, width: number) => (str.includes('\n') ? str : Help.prototype.boxWrap.call(new Help(), str, width)) })
    .addHelpText('after', '\nExit codes: 0 ok, 1 error, 2 bad usage or input, 3 legal refusal, 4 checked and found wrong.');
  for (const c of COMMANDS) c.define(program);
  return program;
}

/** Runs one command line (without `node tartip`) and returns its exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return (commandOf(program, argv) as TartipCommand).result;
  } catch (e) {
    return report(e, (e instanceof UsageError && e.command) || commandOf(program, argv), argv);
  }
}

async function report(e: unknown, cmd: Command, argv: readonly string[]): Promise<number> {
  const name = commandPath(cmd);
  const lang = langOfArgv(argv);
  if (e instanceof UsageError) {
    process.stderr.write(`${name}: ${oneLine(e.text[lang])}\n`);
    return EXIT.usage;
  }
  if (e instanceof CommanderError) return exitCodeOf(e); // help, already printed
  if (cmd instanceof TartipCommand && cmd.apiErrors) {
    const { reportError } = await import('./http/local.js');
    return reportError(name, e, lang, cmd.opts<{ json?: boolean }>().json === true);
  }
  process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
  return exitCodeOf(e);
}
