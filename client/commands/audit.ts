// `tartip audit timeline|replay|export|verify`: auditors check, without trusting the operators,
// that a procedure followed the law. Exit codes: 0 ok, 1 error (e.g. a server unreachable),
// 2 bad usage, 4 checked and found wrong (bundle does not verify, replay diverged). docs/audit.md.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../command.js';
import { type Lang, type Message, UsageError, action, filled, isInputSource, jsonOption, langOption, readJsonInput, resolveLang } from '../cli-kit.js';
import { verifyBundle, BUNDLE_FORMAT, type AuditBundle, type VerifyReport } from '../audit/bundle.js';
import { renderTimeline, timelineFromHistory, timelineFromRecord, type Timeline } from '../audit/timeline.js';
import type { HistoryJson } from '../audit/history.js';


const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

// ---- verify ------------------------------------------------------------------------------------

const V: Record<Lang, { ok: string; failed: string; checks: Record<string, string>; found: string; expected: string; digest: string }> = {
  en: { ok: 'VERIFIED', failed: 'DOES NOT VERIFY', found: 'found', expected: 'expected', digest: 'digest', checks: { format: 'format', digest: 'digest', sections: 'parts', edition: 'edition', calendar: 'calendar', ledger: 'record of acts (hash chain)', history: 'Temporal history', history_vs_ledger: 'history against record', derivations: 'deadlines and thresholds recomputed' } },
  ru: { ok: 'ПРОВЕРЕНО', failed: 'НЕ ПРОХОДИТ ПРОВЕРКУ', found: 'найдено', expected: 'ожидалось', digest: 'дайджест', checks: { format: 'формат', digest: 'дайджест', sections: 'части', edition: 'редакция закона', calendar: 'календарь', ledger: 'реестр актов (цепочка хешей)', history: 'история Temporal', history_vs_ledger: 'история и реестр', derivations: 'пересчёт сроков и порогов' } },
  kk: { ok: 'ТЕКСЕРІЛДІ', failed: 'ТЕКСЕРУДЕН ӨТПЕДІ', found: 'табылды', expected: 'күтілген', digest: 'дайджест', checks: { format: 'пішім', digest: 'дайджест', sections: 'бөліктер', edition: 'заң редакциясы', calendar: 'күнтізбе', ledger: 'актілер тізілімі (хэш тізбегі)', history: 'Temporal тарихы', history_vs_ledger: 'тарих пен тізілім', derivations: 'мерзімдер мен шектерді қайта есептеу' } },
};

function renderVerify(r: VerifyReport, lang: Lang): string {
  const L = V[lang];
  const lines = [`${r.ok ? L.ok : L.failed}: ${r.procedureId ?? '?'}   ${L.digest} ${r.digest ?? '?'}`];
  for (const c of r.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${L.checks[c.name] ?? c.name}: ${c.detail}`);
  for (const f of r.findings) {
    lines.push(`  ${f.path}: ${f.message}`);
    if (f.expected !== undefined || f.found !== undefined) lines.push(`      ${L.expected} ${JSON.stringify(f.expected)}, ${L.found} ${JSON.stringify(f.found)}`);
  }
  return lines.join('\n') + '\n';
}

const M = {
  digest: { en: '--digest: expected 64 lowercase hex digits', ru: '--digest: ожидается 64 шестнадцатеричные цифры в нижнем регистре', kk: '--digest: кіші әріптегі 64 он алтылық цифр күтіледі' },
  idOrBundle: { en: 'give either a procedure id or --bundle FILE', ru: 'укажите либо идентификатор процедуры, либо --bundle FILE', kk: 'не рәсім идентификаторын, не --bundle FILE көрсетіңіз' },
  oneId: { en: 'give one procedure id (or --bundle FILE)', ru: 'укажите один идентификатор процедуры (или --bundle FILE)', kk: 'бір рәсім идентификаторын (немесе --bundle FILE) көрсетіңіз' },
  notBundle: { en: '--bundle: "{file}" is not a {format} file', ru: '--bundle: «{file}» — не файл {format}', kk: '--bundle: «{file}» {format} файлы емес' },
  replayWhat: { en: 'give procedure ids, history files or folders of them, or --all', ru: 'укажите идентификаторы процедур, файлы истории или папки с ними, либо --all', kk: 'рәсім идентификаторларын, тарих файлдарын не олар бар қалталарды, не --all көрсетіңіз' },
  queryWithAll: { en: '--query goes with --all', ru: '--query указывается вместе с --all', kk: '--query тек --all бірге көрсетіледі' },
  verifyWhat: { en: 'give a bundle file, or --live ID, or --all', ru: 'укажите файл пакета, либо --live ID, либо --all', kk: 'пакет файлын, не --live ID, не --all көрсетіңіз' },
  noHistory: { en: '"{file}" holds no Temporal history', ru: '«{file}» не содержит истории Temporal', kk: '«{file}» ішінде Temporal тарихы жоқ' },
} as const;
const say = (m: Message, p: Record<string, string> = {}) => new UsageError(filled(m, p));

async function verify(file: string | undefined, opts: { digest?: string; live?: string; all?: boolean; json?: boolean; lang?: string }): Promise<number> {
  const lang = resolveLang(opts.lang);
  const targets = [file !== undefined, opts.live !== undefined, opts.all === true].filter(Boolean).length;
  if (targets !== 1) throw say(M.verifyWhat);
  if (opts.live !== undefined || opts.all) return verifyLiveCommand(opts.live, { json: opts.json, lang });
  if (file === undefined) throw say(M.verifyWhat);
  if (opts.digest !== undefined && !/^[0-9a-f]{64}$/.test(opts.digest)) throw say(M.digest);
  const report = verifyBundle(await readJsonInput(file, 'bundle'), opts.digest !== undefined ? { expectedDigest: opts.digest } : {});
  out(opts.json ? JSON.stringify(report, null, 2) : renderVerify(report, lang));
  return report.ok ? EXIT.ok : EXIT.foundWrong;
}

/** The running database (and Temporal, while it keeps the history) checked as a bundle would be. */
async function verifyLiveCommand(id: string | undefined, opts: { json?: boolean; lang: Lang }): Promise<number> {
  const { connectDb, connectTemporal } = await import('../connect.js');
  const { verifyLive, verifyAllLive } = await import('../audit/live.js');
  const pool = connectDb();
  const tc = await connectTemporal().catch((e: unknown) => {
    process.stderr.write(`tartip audit verify: ${(e as Error).message}; checking the record of acts without the history\n`);
    return null;
  });
  try {
    const src = { client: tc?.client ?? null, pool };
    const reports = id !== undefined ? [await verifyLive(id, src)] : await verifyAllLive(src);
    if (opts.json) out(JSON.stringify(id !== undefined ? reports[0]!.report : { ok: reports.every((r) => r.ok), procedures: reports.length, failed: reports.filter((r) => !r.ok).map((r) => r.report) }, null, 2));
    else out(reports.map((r) => renderVerify(r.report, opts.lang)).join(''));
    return reports.every((r) => r.ok) ? EXIT.ok : EXIT.foundWrong;
  } finally {
    await tc?.close();
    await pool.end();
  }
}

// ---- timeline ----------------------------------------------------------------------------------

function timelineOfBundle(b: AuditBundle): Timeline {
  return b.history
    ? timelineFromHistory(b.procedure.id, b.history, b.state, 'bundle')
    : timelineFromRecord(b.procedure, b.ledger.rows, b.state, 'bundle');
}

async function timeline(procedureId: string | undefined, opts: { bundle?: string; fromRecord?: boolean; json?: boolean; lang?: string }): Promise<number> {
  const lang = resolveLang(opts.lang);
  let t: Timeline;
  if (opts.bundle !== undefined) {
    if (procedureId !== undefined) throw say(M.idOrBundle);
    const b = (await readJsonInput(opts.bundle, '--bundle')) as AuditBundle;
    if (b?.format !== BUNDLE_FORMAT) throw say(M.notBundle, { file: opts.bundle, format: BUNDLE_FORMAT });
    t = timelineOfBundle(b);
  } else {
    if (procedureId === undefined) throw say(M.oneId);
    const id = procedureId;
    const { connectDb, connectTemporal } = await import('../connect.js');
    const { fetchHistoryJson, queryState, readProcedureRecord } = await import('../audit/source.js');
    const pool = connectDb();
    try {
      let history: HistoryJson | null = null;
      let state: unknown = null;
      if (!opts.fromRecord) {
        const tc = await connectTemporal().catch(() => null);
        if (tc) {
          try {
            history = await fetchHistoryJson(tc.client, id);
            if (history) state = await queryState(tc.client, id);
          } finally {
            await tc.close();
          }
        }
      }
      if (history) t = timelineFromHistory(id, history, state);
      else {
        const rec = await readProcedureRecord(pool, id);
        t = timelineFromRecord(rec.procedure, rec.rows, state);
      }
    } finally {
      await pool.end();
    }
  }
  out(opts.json ? JSON.stringify(t, null, 2) : renderTimeline(t, lang));
  return EXIT.ok;
}

// ---- export ------------------------------------------------------------------------------------

async function exportBundle(id: string, opts: { out?: string }): Promise<number> {
  const file = opts.out ?? `${id.replace(/[^A-Za-z0-9._-]+/g, '_')}.audit.json`;
  const { connectDb, connectTemporal } = await import('../connect.js');
  const { collectParts } = await import('../audit/source.js');
  const { buildBundle } = await import('../audit/bundle.js');
  const pool = connectDb();
  const tc = await connectTemporal().catch((e: unknown) => {
    process.stderr.write(`tartip audit export: ${(e as Error).message}; exporting the record of acts without the history\n`);
    return null;
  });
  try {
    const bundle = buildBundle(await collectParts(id, { client: tc?.client ?? null, pool }));
    writeFileSync(file, JSON.stringify(bundle, null, 1) + '\n');
    out(`${file}\nsha256 ${bundle.digest}\n${bundle.ledger.rows.length} acts, ${bundle.history ? `${bundle.history.events.length} history events` : 'no history'}, ${bundle.derivations.length} derivations`);
  } finally {
    await tc?.close();
    await pool.end();
  }
  return EXIT.ok;
}

// ---- replay ------------------------------------------------------------------------------------

async function replay(targets: string[], opts: { all?: boolean; query?: string; json?: boolean }): Promise<number> {
  if (opts.all ? targets.length > 0 : targets.length === 0) throw say(M.replayWhat);
  if (opts.query !== undefined && !opts.all) throw say(M.queryWithAll);
  const { replayHistories, replayFromServer, summarise } = await import('../audit/replay.js');
  const { cachedWorkflowBundle } = await import('../../worker/bundle-cache.js');
  const { procedureIdOf } = await import('../audit/history.js');
  // the replayer's own messages (a divergence is logged as a failing task) go to standard error,
  // errors only: standard output is the verdict (--json: one JSON document)
  const { DefaultLogger, Runtime } = await import('@temporalio/worker');
  Runtime.install({
    logger: new DefaultLogger('ERROR', (e) => void process.stderr.write(`${e.level} ${e.message}\n`)),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
  });
  // one bundle for all (kept on disk between runs), one replay worker for all
  const bundle = { codePath: (await cachedWorkflowBundle()).codePath };
  let results;
  if (opts.all) {
    const { connectTemporal } = await import('../connect.js');
    const tc = await connectTemporal();
    try {
      results = await replayFromServer(tc.client, bundle, opts.query);
    } finally {
      await tc.close();
    }
  } else {
    // a folder stands for the .json files in it, in name order
    const sources = targets.flatMap((t) => (t !== '-' && existsSync(t) && statSync(t).isDirectory() ? readdirSync(t).filter((f) => /\.json$/i.test(f)).sort().map((f) => path.join(t, f)) : [t]));
    if (sources.length === 0) throw say(M.replayWhat);
    const ids = sources.filter((t) => !isInputSource(t));
    const tc = ids.length ? await (await import('../connect.js')).connectTemporal() : null;
    const { fetchHistoryJson } = await import('../audit/source.js');
    async function* items(): AsyncGenerator<{ workflowId: string; history: HistoryJson }> {
      for (const arg of sources) {
        if (isInputSource(arg)) {
          const obj = (await readJsonInput(arg, 'history')) as { format?: string; history?: HistoryJson; events?: unknown[]; procedure?: { id: string } };
          const history = obj.format === BUNDLE_FORMAT ? obj.history ?? null : (obj as HistoryJson);
          if (!history?.events) throw say(M.noHistory, { file: arg });
          yield { workflowId: obj.procedure?.id ?? procedureIdOf(history, arg), history };
        } else {
          const history = await fetchHistoryJson(tc!.client, arg);
          if (!history) throw new Error(`procedure ${arg}: Temporal has no history (retention deleted it?): replay an exported bundle instead`);
          yield { workflowId: arg, history };
        }
      }
    }
    try {
      results = await replayHistories(bundle, items());
    } finally {
      await tc?.close();
    }
  }
  const s = summarise(results);
  if (opts.json) out(JSON.stringify({ summary: s, results }, null, 2));
  else {
    for (const r of results) out(`${r.ok ? 'deterministic' : r.error?.name === 'DeterminismViolationError' ? 'DIVERGED     ' : 'FAILED       '} ${r.workflowId}${r.error ? `\n    ${r.error.message.split('\n')[0]}` : ''}`);
    out(`${s.total} replayed: ${s.deterministic} deterministic, ${s.diverged} diverged, ${s.failed} failed`);
  }
  return s.deterministic === s.total ? EXIT.ok : EXIT.foundWrong;
}

export function define(program: Command): Command {
  const audit = program
    .command('audit')
    .summary('auditors: timeline, replay, export and offline verification of a procedure')
    .description('Auditors check, without trusting the operators, that a procedure followed the law (docs/audit.md).\nConnections: TEMPORAL_ADDRESS, DATABASE_URL (or the embedded servers of `npm start`).')
    .usage('<timeline|replay|export|verify> [options]')
    .addHelpText('after', '\nExit: 0 ok, 1 error, 2 bad usage, 4 found wrong.');

  audit
    .command('timeline')
    .summary('each legal act with its date, actor, citation and the deadlines then in force')
    .description('Each legal act with its legal date (Astana time), actor, citation and the deadlines in force at that\nmoment, from the Temporal history while it exists, else from the record of acts (--from-record forces\nit), or from an exported bundle (--bundle).')
    .usage('<procedure-id> [--from-record] [--json] [--lang kk|ru|en]\n       tartip audit timeline --bundle FILE [--json] [--lang kk|ru|en]')
    .argument('[procedure-id]', 'the procedure (or --bundle)')
    .option('--bundle <FILE>', 'an exported bundle (- for standard input)')
    .option('--from-record', 'from the record of acts even when Temporal has the history')
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(timeline));

  audit
    .command('replay')
    .summary("replay histories against this build's workflow code")
    .description("Replays histories against this build's workflow code: deterministic, or the first divergence (exit 4).\n--all replays every procedure the visibility query finds (default: TartipProcedure IS NOT NULL).")
    .usage('<procedure-id | history.json | bundle.json | folder | ->... [--json]\n       tartip audit replay --all [--query VISIBILITY-QUERY] [--json]')
    .argument('[targets...]', 'procedure ids, history or bundle files (.json; - for standard input), or folders of them')
    .option('--all', 'every procedure the visibility query finds')
    .option('--query <VISIBILITY-QUERY>', 'with --all: which procedures')
    .addOption(jsonOption())
    .action(action(replay));

  audit
    .command('export')
    .summary('write one self-contained bundle and print its digest')
    .description(`Writes one self-contained bundle (format ${BUNDLE_FORMAT}): history, record of acts with its hash\nchain, edition, calendar, derivations and a sha256 digest; prints the digest.`)
    .argument('<procedure-id>', 'the procedure')
    .option('--out <FILE>', 'where to write it (default: <procedure-id>.audit.json)')
    .action(action(exportBundle));

  audit
    .command('verify')
    .summary('check a bundle offline, or the running database (exit 4 when found wrong)')
    .description('Checks a bundle offline (no server): digests, chain, history against the record, the edition and\ncalendar, and that every deadline and threshold recomputes; every finding names the JSON path of\nthe part found wrong (exit 4). With --live ID or --all, the same checks on the records as they\nstand now in PostgreSQL (DATABASE_URL) and the history in Temporal (TEMPORAL_ADDRESS), so a row\nchanged in the database behind the worker is found at once.')
    .argument('[bundle]', 'the bundle file (JSON; - for standard input)')
    .option('--digest <SHA256>', 'the digest anchored elsewhere at export time')
    .option('--live <ID>', 'check this procedure in the running database and Temporal')
    .option('--all', 'check every procedure in the running database')
    .addOption(jsonOption())
    .addOption(langOption())
    .action(action(verify));
  return audit;
}
