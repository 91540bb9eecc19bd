// The tartip command line as a whole (client/program.ts): every command in the help, usage errors
// exit 2, `-` reads standard input, and output piped to another program arrives whole.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../client/program.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'client/bin/tartip.js');
const env = { ...process.env, TARTIP_LANG: '', TEMPORAL_ADDRESS: '127.0.0.1:9', DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:9/none' };

function tartip(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env, ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `run` writes to stdout in this process, and its exit code. */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const saved = process.env.TARTIP_LANG;
  process.env.TARTIP_LANG = '';
  try {
    return { code: await run(args), stdout };
  } finally {
    spy.mockRestore();
    process.env.TARTIP_LANG = saved;
  }
}

afterEach(() => vi.restoreAllMocks());

const commands = readdirSync(path.join(root, 'client/commands')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

describe('help', () => {
  it('tartip --help lists every command of client/commands, exit 0', () => {
    const r = tartip(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: tartip <command>/);
    for (const c of commands) expect(r.stdout, c).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('every command has its --help (exit 0), and `tartip help <command>` says the same', () => {
    for (const c of commands) {
      const r = tartip([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`^Usage: tartip ${c} `));
    }
    expect(tartip(['help', 'deadline']).stdout).toBe(tartip(['deadline', '--help']).stdout);
  });

  it('no command, or a command with subcommands and none given: the help on stderr, exit 2', () => {
    for (const args of [[], ['audit'], ['token']]) {
      const r = tartip(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^Usage: tartip/);
    }
  });
});

describe('usage errors exit 2 with one line naming the command', () => {
  it.each([
    [['frobnicate'], "tartip: unknown command 'frobnicate'"],
    [['audit', 'frobnicate'], "tartip audit: unknown command 'frobnicate'"],
    [['deadline', '--from', '2025-03-17', '--dayz', '3'], "tartip deadline: Unknown option '--dayz' (Did you mean --days?)"],
    [['list', '--stage', 'xyz'], 'tartip list: --stage: "xyz" is not one of'],
    [['list', '--kind', 'statutory_wait', '--stage', 'closed'], 'tartip list: --stage (statutory_wait): "closed" is not one of waiting, allowed'],
    [['list', '--status', 'Sleeping'], 'tartip list: --status: "Sleeping" is not one of Running, Completed'],
    [['list', '--kind', 'impeachment'], 'tartip list: --kind: "impeachment" is not one of statutory_wait'],
    [['start', 'impeachment', '--file', '-'], 'tartip start: procedure: "impeachment" is not one of statutory_wait'],
    [['start', 'statutory_wait'], 'tartip start: --file FILE is required'],
    [['token', 'create', '--role', 'mayor', '--actor', 'x', '--name', 'X'], 'tartip token create: --role: "mayor" is not one of administrator, commission, auditor'],
    [['token', 'revoke', 'abc'], 'tartip token revoke: TOKEN-ID: "abc" is not a token id'],
    [['audit', 'verify'], 'tartip audit verify: give a bundle file, or --live ID, or --all'],
    [['show'], 'tartip show: procedure-id is required'],
    [['simulate', 'a.json', 'b.json'], "tartip simulate: Unexpected argument 'b.json'"],
    [['calendar', '2025', '--lang', 'ru', '--bogus'], "tartip calendar: Неизвестный параметр '--bogus'"],
    [['calendar', '--lang', 'kk'], 'tartip calendar: YEAR көрсетілуі керек'],
  ])('%j', (args, message) => {
    const r = tartip(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(message), r.stderr).toBe(true);
  });
});

describe('- reads standard input', () => {
  const overlay = { format: 'tartip-calendar/1', type: 'overlay', base: 'kz-official', id: 'what-if', version: '1', add: [{ date: '2025-04-03', kind: 'day_off', label: 'Extra day off' }] };

  it('deadline --calendar -', () => {
    const r = tartip(['deadline', '--from', '2025-03-17', '--working-days', '10', '--calendar', '-', '--json'], JSON.stringify(overlay));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2025-04-04', calendar: 'what-if@1' });
  });

  it('calendar YEAR --calendar - with bad JSON: exit 2 naming standard input', () => {
    const r = tartip(['calendar', '2025', '--calendar', '-'], '{ nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tartip calendar: --calendar: "-" is not valid JSON/);
  });

  it('audit verify - (a bundle that is not one: checked and found wrong, exit 4)', () => {
    const r = tartip(['audit', 'verify', '-', '--json'], JSON.stringify({ format: 'nope' }));
    expect(r.code, r.stderr).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false });
  });

  it('standard input is read once: a second - is a usage error', () => {
    const scenario = readFileSync(path.join(root, 'examples/akim_consent/01-consent.json'), 'utf8');
    const r = tartip(['simulate', '-', '--calendar', '-'], scenario);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tartip simulate: --calendar: standard input \(-\) is already read for scenario/);
  });
});

describe('output', () => {
  it('rules --json piped to another program arrives whole (more than a pipe buffer of 64 KiB)', async () => {
    const expected = await inProcess(['rules', '--json']);
    expect(expected.code).toBe(0);
    const bytes = Buffer.byteLength(expected.stdout);
    expect(bytes).toBeGreaterThan(65_536);
    // through the shell, as `tartip rules --json | wc -c`
    const wc = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" rules --json | wc -c`], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    expect(Number(wc.stdout.trim())).toBe(bytes);
    // and read to the end by a slow reader
    const child = spawn(process.execPath, [bin, 'rules', '--json'], { cwd: root, env });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.stdout);
  });

  it('a reader that stops early does not make tartip fail', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" rules | head -c 10 >/dev/null`], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('in process, run() returns the exit code and never exits', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    expect((await inProcess(['deadline', '--from', '2025-03-17', '--working-days', '10', '--json'])).code).toBe(0);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run(['deadline', '--from', '2025-03-17'])).toBe(2);
    expect((await inProcess(['--help'])).code).toBe(0);
    expect(exit).not.toHaveBeenCalled();
    err.mockRestore();
  });
});
