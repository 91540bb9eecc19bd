// What every `tartip` command shares: the commander Command class whose parse errors are usage
// errors (exit 2) in kk/ru/en, the --json / --lang options, one reader for JSON inputs (a file or
// `-` for standard input), choice checks for enumerations, and the one mapping of errors to exit codes.
import { readFile } from 'node:fs/promises';
import { Argument, Command, CommanderError, Option } from 'commander';
import type { Lang } from '../statute/errors.js';
import { fill } from '../statute/messages.js';
import { EXIT } from './command.js';

export type { Lang };
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

/** A text for people in the three languages; `{param}` placeholders. */
export type Message = Readonly<Record<Lang, string>>;

export const CLI_MESSAGES = {
  unknownOption: { en: "Unknown option '{flag}'", ru: "Неизвестный параметр '{flag}'", kk: "Белгісіз параметр '{flag}'" },
  didYouMean: { en: '(Did you mean {hint}?)', ru: '(Возможно, имелось в виду {hint}?)', kk: '({hint} деп жазғыңыз келді ме?)' },
  excessArgument: { en: "Unexpected argument '{arg}'", ru: "Лишний аргумент '{arg}'", kk: "Артық аргумент '{arg}'" },
  missingArgument: { en: '{name} is required', ru: 'нужно указать {name}', kk: '{name} көрсетілуі керек' },
  missingOption: { en: '{flags} is required', ru: 'нужно указать {flags}', kk: '{flags} көрсетілуі керек' },
  missingValue: { en: '{flags}: the value is missing', ru: '{flags}: не указано значение', kk: '{flags}: мәні көрсетілмеген' },
  unknownCommand: { en: "unknown command '{name}'; known: {known}", ru: "неизвестная команда '{name}'; есть: {known}", kk: "белгісіз команда '{name}'; бары: {known}" },
  notOneOf: { en: '{what}: "{value}" is not one of {allowed}', ru: '{what}: «{value}» — не одно из: {allowed}', kk: '{what}: «{value}» мына мәндердің бірі емес: {allowed}' },
  cannotRead: { en: '{what}: cannot read "{file}" ({code})', ru: '{what}: не удаётся прочитать «{file}» ({code})', kk: '{what}: «{file}» оқылмады ({code})' },
  notJson: { en: '{what}: "{file}" is not valid JSON ({detail})', ru: '{what}: «{file}» — недопустимый JSON ({detail})', kk: '{what}: «{file}» жарамды JSON емес ({detail})' },
  stdinTwice: { en: '{what}: standard input (-) is already read for {first}', ru: '{what}: стандартный ввод (-) уже прочитан для {first}', kk: '{what}: стандартты кіріс (-) {first} үшін оқылып қойған' },
  envLang: { en: 'TARTIP_LANG: "{value}" is not one of kk, ru, en', ru: 'TARTIP_LANG: «{value}» — не одно из: kk, ru, en', kk: 'TARTIP_LANG: «{value}» мына мәндердің бірі емес: kk, ru, en' },
} as const satisfies Record<string, Message>;

type Params = Readonly<Record<string, string | number | undefined>>;

/** A message with its placeholders filled, in every language. */
export function filled(m: Message, params: Params = {}): Message {
  return { kk: fill(m.kk, params), ru: fill(m.ru, params), en: fill(m.en, params) };
}

export const message = (key: keyof typeof CLI_MESSAGES, params: Params = {}): Message => filled(CLI_MESSAGES[key], params);

/** The same text in every language (data, a name, a message already in the language asked). */
export const verbatim = (s: string): Message => ({ kk: s, ru: s, en: s });

/** A bad command line or bad input: exit 2 with one line on stderr, in the language asked. */
export class UsageError extends Error {
  readonly text: Message;
  constructor(text: Message | string, readonly command?: Command) {
    const t = typeof text === 'string' ? verbatim(text) : text;
    super(t.en);
    this.text = t;
  }
}

export const usage = (key: keyof typeof CLI_MESSAGES, params: Params = {}): UsageError => new UsageError(message(key, params));

export function oneLine(s: string): string {
  return s.replace(/\s*\n[\s\S]*$/, '').trim();
}

/** The flags of an option as people write them: `--from <YYYY-MM-DD>` → `--from YYYY-MM-DD`. */
const plainFlags = (flags: string) => flags.replace(/[<>[\]]/g, '').replace(/^-\w, /, '');

/**
 * Every tartip command: commander's parse errors become UsageErrors (with our kk/ru/en texts and
 * the command they belong to) instead of commander printing and exiting; `result` is the exit code
 * the action returned.
 */
export class TartipCommand extends Command {
  result: number = EXIT.ok;
  /** errors are reported the API's way: a typed body (--json on stdout), exit by HTTP status */
  apiErrors = false;

  override createCommand(name?: string): TartipCommand {
    return new TartipCommand(name);
  }

  override error(msg: string, opts?: { code?: string; exitCode?: number }): never {
    const code = opts?.code ?? 'commander.error';
    const q = /'([^']+)'/.exec(msg)?.[1] ?? '';
    const hint = /\(Did you mean (.+)\?\)/.exec(msg)?.[1];
    const withHint = (m: Message): Message => (hint ? { kk: `${m.kk} ${fill(CLI_MESSAGES.didYouMean.kk, { hint })}`, ru: `${m.ru} ${fill(CLI_MESSAGES.didYouMean.ru, { hint })}`, en: `${m.en} ${fill(CLI_MESSAGES.didYouMean.en, { hint })}` } : m);
    let text: Message;
    switch (code) {
      case 'commander.unknownOption': text = withHint(message('unknownOption', { flag: q })); break;
      case 'commander.unknownCommand': text = withHint(message('unknownCommand', { name: q, known: this.commands.map((c) => c.name()).join(', ') })); break;
      case 'commander.excessArguments': text = message('excessArgument', { arg: this.args[this.registeredArguments.length] ?? '' }); break;
      case 'commander.missingArgument': text = message('missingArgument', { name: q }); break;
      case 'commander.missingMandatoryOptionValue': text = message('missingOption', { flags: plainFlags(q) }); break;
      case 'commander.optionMissingArgument': text = message('missingValue', { flags: plainFlags(q) }); break;
      default: text = verbatim(msg.replace(/^error: /, ''));
    }
    throw new UsageError(text, this);
  }

  /** Marks the command as reporting errors the API's way (start, act, show, list). */
  reportsApiErrors(): this {
    this.apiErrors = true;
    return this;
  }
}

/** `tartip audit verify` for a command. */
export function commandPath(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

/** The command an argv addresses (the deepest subcommand named), for errors raised while parsing. */
export function commandOf(program: Command, argv: readonly string[]): Command {
  let c = program;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const sub = c.commands.find((s) => s.name() === a || s.aliases().includes(a));
    if (!sub) break;
    c = sub;
  }
  return c;
}

/** Wraps an action so that the exit code it returns is kept on its command. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function action<A extends any[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as TartipCommand;
    cmd.result = (await fn(...args)) ?? EXIT.ok;
  };
}

// ---- enumerations ----------------------------------------------------------------------------

/** A parser refusing any value outside `allowed`, naming `what`. */
export function oneOf<T extends string>(what: string, allowed: readonly T[]): (v: string) => T {
  return (v: string) => {
    if (!(allowed as readonly string[]).includes(v)) throw usage('notOneOf', { what, value: v, allowed: allowed.join(', ') });
    return v as T;
  };
}

/** An option whose value is one of a known list (refused otherwise with exit 2), listed in its help unless `listed: false`. */
export function choiceOption(flags: string, description: string, allowed: readonly string[], { listed = true } = {}): Option {
  const o = new Option(flags, description);
  if (listed) o.choices(allowed);
  return o.argParser(oneOf(o.long ?? o.name(), allowed));
}

/** A positional argument whose value is one of a known list. */
export function choiceArgument(name: string, description: string, allowed: readonly string[]): Argument {
  const a = new Argument(name, description).choices(allowed);
  return a.argParser(oneOf(a.name(), allowed));
}

// ---- --json and --lang -----------------------------------------------------------------------

export const jsonOption = (description = 'print JSON (one object) instead of text'): Option => new Option('--json', description);

export const langOption = (): Option => choiceOption('--lang <lang>', 'language of the output (default: TARTIP_LANG or en)', LANGS);

/** --lang, else TARTIP_LANG, else en. A TARTIP_LANG outside kk, ru, en is a usage error. */
export function resolveLang(flag?: string): Lang {
  if (flag !== undefined) return oneOf('--lang', LANGS)(flag);
  const v = process.env.TARTIP_LANG;
  if (v === undefined || v === '') return 'en';
  if ((LANGS as readonly string[]).includes(v)) return v as Lang;
  throw usage('envLang', { value: v });
}

/** The language to report an error in, from the raw command line (the parse may not have reached --lang). */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  const env = process.env.TARTIP_LANG;
  return env && (LANGS as readonly string[]).includes(env) ? (env as Lang) : 'en';
}

// ---- inputs ----------------------------------------------------------------------------------

let stdinReadFor: string | null = null;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The one reader of JSON inputs: `source` is a file path or `-` for standard input (readable once
 * per run). Unreadable or malformed → a one-line UsageError naming `what` (the flag or argument).
 * `text` is the input as read (start and act derive their idempotency keys from it).
 */
export async function readInput(source: string, what: string): Promise<{ value: unknown; text: string }> {
  const text = await readText(source, what);
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch (e) {
    throw usage('notJson', { what, file: source, detail: oneLine((e as Error).message) });
  }
}

/** A file (or `-`, standard input) as text; unreadable → a one-line UsageError naming `what`. */
export async function readText(source: string, what: string): Promise<string> {
  let text: string;
  if (source === '-') {
    if (stdinReadFor !== null) throw usage('stdinTwice', { what, first: stdinReadFor });
    stdinReadFor = what;
    try {
      text = await readStdin();
    } catch (e) {
      throw usage('cannotRead', { what, file: '-', code: (e as NodeJS.ErrnoException).code ?? 'error' });
    }
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (e) {
      throw usage('cannotRead', { what, file: source, code: (e as NodeJS.ErrnoException).code ?? 'error' });
    }
  }
  return text;
}

export async function readJsonInput(source: string, what: string): Promise<unknown> {
  return (await readInput(source, what)).value;
}

/** A file name or `-` (standard input): what readInput accepts. */
export const isInputSource = (s: string, ext = /\.json$/i): boolean => s === '-' || ext.test(s);

// ---- output and exit codes -------------------------------------------------------------------

export const write = (s: string): void => {
  process.stdout.write(s);
};

/** The one mapping of what a run threw to an exit code (API errors: exitForStatus in client/command.ts). */
export function exitCodeOf(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help, `tartip help`, --version: 0; help shown because a subcommand is missing: bad usage
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage;
  }
  if (e instanceof UsageError) return EXIT.usage;
  return EXIT.error;
}

/** Resolves once everything written so far to `stream` has been handed to the system. */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}
