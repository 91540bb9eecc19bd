// `tartip signatures import <procedure> <file.csv>`: a Senate recall's completed sheets (Art. 24-1(4)),
// the same operation as POST /v1/procedures/{id}/signatures (client/http/signatures.ts).
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type TartipCommand, action, filled, jsonOption, langOption, readText, resolveLang, write } from '../cli-kit.js';

const M = {
  imported: {
    en: '{file}: {rows} signature lines stored for {id} (sha256 {sha}){replayed}.\nSubmit them with the act submitSheets, input {"files": ["{sha}"]}:\n  tartip act {id} submitSheets --file SUBMIT.json',
    ru: '{file}: сохранено строк подписей — {rows}, для {id} (sha256 {sha}){replayed}.\nПередайте их действием submitSheets, вход {"files": ["{sha}"]}:\n  tartip act {id} submitSheets --file SUBMIT.json',
    kk: '{file}: {id} үшін {rows} қолтаңба жолы сақталды (sha256 {sha}){replayed}.\nОларды submitSheets әрекетімен тапсырыңыз, кірісі {"files": ["{sha}"]}:\n  tartip act {id} submitSheets --file SUBMIT.json',
  },
  replayed: { en: '; this file was already stored, nothing added', ru: '; этот файл уже был сохранён, ничего не добавлено', kk: '; бұл файл бұрын сақталған, ештеңе қосылмады' },
} as const;

export function define(program: Command): Command {
  const sig = program
    .command('signatures')
    .summary("load a Senate recall's completed signature sheets (CSV)")
    .description("A Senate recall's signature sheets (Art. 24-1(4)): a CSV file of sheet lines with the columns sheet_serial, sheet_row, full_name, maslikhat_id, birth_date, address.")
    .usage('import <PROCEDURE-ID> <FILE.csv> [--token TOKEN] [--json] [--lang kk|ru|en]')
    .addHelpText('after', '\nExit codes: 0 stored, 1 error, 2 bad usage or a rejected file (every bad line named; nothing stored), 3 refused (role, body, procedure).');
  (sig.command('import') as TartipCommand)
    .reportsApiErrors()
    .description('store the sheets for the procedure, all or nothing; prints the sha256 that the submitSheets act names')
    .argument('<PROCEDURE-ID>', 'the Senate recall (from tartip list)')
    .argument('<FILE>', 'the CSV file; - for standard input')
    .option('--token <TOKEN>', 'from `tartip token create` (else TARTIP_TOKEN)')
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(async (id: string, file: string, opts: { token?: string; json?: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang);
      const csv = await readText(file, '<FILE>');
      const { onceLocal, openLocal, principalOf, reportOutcome } = await import('../http/local.js');
      const { sha256 } = await import('../http/tokens.js');
      const { importSignatures } = await import('../http/signatures.js');
      const local = await openLocal();
      try {
        const principal = (await principalOf(local.pool, opts.token, true))!;
        // the same file for the same procedure is stored once (importSignatureSheetsCsv): a derived key is safe
        const key = `cli-${sha256(`signatures\n${id}\n${csv}`).slice(0, 32)}`;
        const out = await onceLocal(local, principal, key, `/v1/procedures/${id}/signatures`, csv, lang, async () => ({
          status: 200, body: await importSignatures(local.procedures, local.pool, principal, id, csv, lang),
        }));
        if (out.status >= 400) return reportOutcome('tartip signatures import', out.status, out.body, opts.json === true, lang);
        const r = out.body as { rows: number; fileSha256: string; replayed: boolean };
        if (opts.json) write(JSON.stringify(r) + '\n');
        else write(filled(M.imported, { file, rows: r.rows, id, sha: r.fileSha256, replayed: r.replayed ? M.replayed[lang] : '' })[lang] + '\n');
        return EXIT.ok;
      } finally {
        await local.close();
      }
    }));
  return sig;
}
