// `tartip registers import FILE|DIR... | list | show REGISTER ID | export REGISTER [--unit U]`
// The same operations and checks as /v1/registers (client/http/registers.ts).
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, UsageError, action, choiceArgument, choiceOption, filled, jsonOption, langOption, readInput, readText, resolveLang, write } from '../cli-kit.js';
import { REGISTER_NAMES, type RegisterName } from '../../activities/registers.js';

const M = {
  notRegisterFile: {
    en: '{file}: name the register with --register, or call the file <register>.csv ({known})',
    ru: '{file}: укажите реестр в --register или назовите файл <реестр>.csv ({known})',
    kk: '{file}: тізілімді --register арқылы көрсетіңіз немесе файлды <тізілім>.csv деп атаңыз ({known})',
  },
  emptyDir: {
    en: '{dir}: no register files in it ({files})',
    ru: '{dir}: в папке нет файлов реестров ({files})',
    kk: '{dir}: қалтада тізілім файлдары жоқ ({files})',
  },
  registerWithDir: {
    en: '--register names the register of one file; a folder is read by its file names',
    ru: '--register задаёт реестр одного файла; папка читается по именам файлов',
    kk: '--register бір файлдың тізілімін көрсетеді; қалта файл аттары бойынша оқылады',
  },
  imported: {
    en: '{register}: {rows} entries imported from {file} (sha256 {sha}), by {name}',
    ru: '{register}: импортировано записей — {rows}, из {file} (sha256 {sha}), импортировал(а) {name}',
    kk: '{register}: {file} файлынан {rows} жазба импортталды (sha256 {sha}), импорттаған {name}',
  },
} as const;

type ImportOpts = { register?: string; token?: string; key?: string; json?: boolean; lang?: string };

/** The files to import, in the order the registers refer to each other (units first). */
function filesOf(sources: readonly string[], register: string | undefined): { file: string; register: RegisterName }[] {
  const out: { file: string; register: RegisterName }[] = [];
  for (const src of sources) {
    if (src !== '-' && statSync(src, { throwIfNoEntry: false })?.isDirectory()) {
      if (register) throw new UsageError(M.registerWithDir);
      const present = new Set(readdirSync(src));
      const found = REGISTER_NAMES.filter((n) => present.has(`${n}.csv`)).map((n) => ({ file: path.join(src, `${n}.csv`), register: n }));
      if (found.length === 0) throw new UsageError(filled(M.emptyDir, { dir: src, files: REGISTER_NAMES.map((n) => `${n}.csv`).join(', ') }));
      out.push(...found);
      continue;
    }
    const name = register ?? path.basename(src).replace(/\.(csv|json)$/i, '');
    if (!(REGISTER_NAMES as readonly string[]).includes(name)) throw new UsageError(filled(M.notRegisterFile, { file: src, known: REGISTER_NAMES.join(', ') }));
    out.push({ file: src, register: name as RegisterName });
  }
  return out.sort((a, b) => REGISTER_NAMES.indexOf(a.register) - REGISTER_NAMES.indexOf(b.register));
}

export function define(program: Command): Command {
  const reg = program
    .command('registers')
    .summary('import, list, show or export the registers (units, maslikhats, deputies, akim posts)')
    .description('The registers procedures read: admin_units, maslikhats, deputies, akim_posts, akim_incumbents (docs/records.md).')
    .usage('import FILE|DIR... [--register NAME] [--token TOKEN]\n       tartip registers list | show REGISTER ID | export REGISTER [--unit UNIT]')
    .addHelpText('after', '\nExit codes: 0 ok, 1 error, 2 bad usage or a rejected file (nothing stored), 3 refused (role, rows outside your body).');

  (reg.command('import') as TartipCommand)
    .reportsApiErrors()
    .description("import register files (CSV, or JSON {\"rows\": […]}), all or nothing per file; an administrator imports its body's unit and the units below it")
    .argument('<FILE|DIR...>', '<register>.csv files, or folders of them (imported units first); - for standard input with --register')
    .addOption(choiceOption('--register <NAME>', 'the register of the file (default: from its name)', REGISTER_NAMES))
    .option('--token <TOKEN>', 'from `tartip token create` (else TARTIP_TOKEN)')
    .option('--key <KEY>', 'idempotency key of a one-file import (default: a new one each run; importing the same file again is harmless)')
    .addOption(jsonOption('print each import as JSON (one line each)'))
    .addOption(langOption())
    .action(action(async (sources: string[], opts: ImportOpts) => {
      const lang = resolveLang(opts.lang);
      const files = filesOf(sources, opts.register);
      const { connectDb } = await import('../connect.js');
      const { onceLocal, principalOf, reportOutcome } = await import('../http/local.js');
      const { importRegister } = await import('../http/registers.js');
      const pool = connectDb();
      try {
        const principal = (await principalOf(pool, opts.token, true))!;
        for (const f of files) {
          const { value: body } = /\.json$/i.test(f.file) ? await readInput(f.file, f.file) : { value: await readText(f.file, f.file) };
          // an import is itself idempotent (same rows, same registers); a new key each run lets the same file restore entries another import changed
          const key = opts.key && files.length === 1 ? opts.key : `cli-${randomUUID()}`;
          const out = await onceLocal({ pool }, principal, key, `/v1/registers/${f.register}`, body, lang, async () => ({ status: 200, body: await importRegister(pool, principal, f.register, body, lang) }));
          if (out.status >= 400) return reportOutcome(`tartip registers import ${f.file}`, out.status, out.body, opts.json === true, lang);
          const r = out.body as { register: string; rows: number; fileSha256: string; importedBy: { name: string } };
          if (opts.json) write(JSON.stringify(r) + '\n');
          else write(filled(M.imported, { register: r.register, rows: r.rows, file: f.file, sha: r.fileSha256, name: r.importedBy.name })[lang] + '\n');
        }
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));

  (reg.command('list') as TartipCommand)
    .reportsApiErrors()
    .description('each register: its number of entries and its last import')
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(async (opts: { json?: boolean }) => {
      const { connectDb } = await import('../connect.js');
      const { listRegisters } = await import('../http/registers.js');
      const pool = connectDb();
      try {
        const r = await listRegisters(pool);
        if (opts.json) write(JSON.stringify(r) + '\n');
        else for (const x of r.registers) write(`${x.register.padEnd(16)} ${String(x.rows).padStart(6)}  ${x.lastImport ? `${x.lastImport.at}  ${x.lastImport.actorName}${x.lastImport.body ? ` (${x.lastImport.body})` : ''}  sha256 ${x.lastImport.fileSha256.slice(0, 16)}…` : '—'}\n`);
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));

  (reg.command('show') as TartipCommand)
    .reportsApiErrors()
    .description('one entry of a register')
    .addArgument(choiceArgument('<REGISTER>', 'the register', REGISTER_NAMES))
    .argument('<ID>', 'the entry id')
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(async (register: string, id: string, opts: { json?: boolean }) => {
      const { connectDb } = await import('../connect.js');
      const { showEntry } = await import('../http/registers.js');
      const pool = connectDb();
      try {
        const r = await showEntry(pool, register, id);
        if (opts.json) write(JSON.stringify(r) + '\n');
        else for (const [k, v] of Object.entries(r.entry)) write(`${k.padEnd(14)} ${v}\n`);
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));

  (reg.command('export') as TartipCommand)
    .reportsApiErrors()
    .description('a register as the CSV file an import takes back (or JSON rows)')
    .addArgument(choiceArgument('<REGISTER>', 'the register', REGISTER_NAMES))
    .option('--unit <UNIT>', 'only the entries of this unit and the units below it')
    .addOption(jsonOption('{"register", "unit", "rows": […]}'))
    .addOption(langOption())
    .action(action(async (register: string, opts: { unit?: string; json?: boolean }) => {
      const { connectDb } = await import('../connect.js');
      const { exportRegister } = await import('../http/registers.js');
      const pool = connectDb();
      try {
        const r = await exportRegister(pool, register, opts.unit !== undefined ? { unit: opts.unit } : {});
        write(opts.json ? JSON.stringify({ register: r.register, unit: r.unit, rows: r.rows }) + '\n' : r.csv);
        return EXIT.ok;
      } finally {
        await pool.end();
      }
    }));
  return reg;
}
