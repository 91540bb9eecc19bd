// `tartip audit timeline|replay|export|verify`: auditors check, without trusting the operators,
// that a procedure followed the law. Exit codes: 0 ok, 1 error (e.g. a server unreachable),
// 2 bad usage, 4 checked and found wrong (bundle does not verify, replay diverged). docs/audit.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { EXIT, type CliCommand } from '../command.js';
import { UsageError, parseCommandLine, resolveLang, usageFail, readJsonFile, type Lang } from './calendar.js';
import { verifyBundle, BUNDLE_FORMAT, type AuditBundle, type VerifyReport } from '../audit/bundle.js';
import { renderTimeline, timelineFromHistory, timelineFromRecord, type Timeline } from '../audit/timeline.js';
import type { HistoryJson } from '../audit/history.js';

export const EXIT_FOUND_WRONG = EXIT.foundWrong;

const HELP = `Usage:
  tartip audit timeline <procedure-id> [--from-record] [--json] [--lang kk|ru|en]
  tartip audit timeline --bundle FILE [--json] [--lang kk|ru|en]
  tartip audit replay <procedure-id | history.json | bundle.json> [--json]
  tartip audit replay --all [--query VISIBILITY-QUERY] [--json]
  tartip audit export <procedure-id> [--out FILE]
  tartip audit verify <bundle.json> [--digest SHA256] [--json] [--lang kk|ru|en]

timeline  each legal act with its legal date (Astana time), actor, citation and the deadlines in
          force at that moment, from the Temporal history while it exists, else from the record
          of acts (--from-record forces it), or from an exported bundle (--bundle)
replay    replays histories against this build's workflow code: deterministic, or the first
          divergence (exit 4). --all replays every procedure the visibility query finds
          (default: TartipProcedure IS NOT NULL)
export    writes one self-contained bundle (format ${BUNDLE_FORMAT}): history, record of acts with
          its hash chain, edition, calendar, derivations and a sha256 digest; prints the digest
verify    checks a bundle offline (no server): digests, chain, history against the record, the
          edition and calendar, and that every deadline and threshold recomputes; every finding
          names the JSON path of the part found wrong (exit 4). --digest: the digest anchored
          elsewhere at export time

Connections: TEMPORAL_ADDRESS, DATABASE_URL (or the embedded servers of \`npm start\`).
Exit: 0 ok, 1 error, 2 bad usage, 4 found wrong.
`;


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

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { digest: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } }, true);
  const lang = resolveLang(values.lang);
  if (positionals.length !== 1) throw new UsageError('give one bundle file');
  if (typeof values.digest === 'string' && !/^[0-9a-f]{64}$/.test(values.digest)) throw new UsageError('--digest: expected 64 lowercase hex digits');
  const report = verifyBundle(readJsonFile(positionals[0]!, 'bundle'), typeof values.digest === 'string' ? { expectedDigest: values.digest } : {});
  out(values.json ? JSON.stringify(report, null, 2) : renderVerify(report, lang));
  return report.ok ? EXIT.ok : EXIT_FOUND_WRONG;
}

// ---- timeline ----------------------------------------------------------------------------------

function timelineOfBundle(b: AuditBundle): Timeline {
  return b.history
    ? timelineFromHistory(b.procedure.id, b.history, b.state, 'bundle')
    : timelineFromRecord(b.procedure, b.ledger.rows, b.state, 'bundle');
}

async function timeline(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { bundle: { type: 'string' }, 'from-record': { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' } }, true);
  const lang = resolveLang(values.lang);
  let t: Timeline;
  if (typeof values.bundle === 'string') {
    if (positionals.length > 0) throw new UsageError('give either a procedure id or --bundle FILE');
    const b = readJsonFile(values.bundle, '--bundle') as AuditBundle;
    if (b?.format !== BUNDLE_FORMAT) throw new UsageError(`--bundle: "${values.bundle}" is not a ${BUNDLE_FORMAT} file`);
    t = timelineOfBundle(b);
  } else {
    if (positionals.length !== 1) throw new UsageError('give one procedure id (or --bundle FILE)');
    const id = positionals[0]!;
    const { connectDb, connectTemporal } = await import('../connect.js');
    const { fetchHistoryJson, queryState, readProcedureRecord } = await import('../audit/source.js');
    const pool = connectDb();
    try {
      let history: HistoryJson | null = null;
      let state: unknown = null;
      if (!values['from-record']) {
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
  out(values.json ? JSON.stringify(t, null, 2) : renderTimeline(t, lang));
  return EXIT.ok;
}

// ---- export ------------------------------------------------------------------------------------

async function exportBundle(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' } }, true);
  if (positionals.length !== 1) throw new UsageError('give one procedure id');
  const id = positionals[0]!;
  const file = typeof values.out === 'string' ? values.out : `${id.replace(/[^A-Za-z0-9._-]+/g, '_')}.audit.json`;
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

async function replay(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { all: { type: 'boolean' }, query: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.all ? positionals.length > 0 : positionals.length !== 1) throw new UsageError('give one procedure id or history file, or --all');
  if (values.query !== undefined && !values.all) throw new UsageError('--query goes with --all');
  const { replayHistory, replayFromServer, summarise } = await import('../audit/replay.js');
  const { bundleWorkflows } = await import('../../worker/worker.js');
  const { workflowIdOf, decodeHistory } = await import('../audit/history.js');
  const code = await bundleWorkflows();
  let results;
  if (values.all) {
    const { connectTemporal } = await import('../connect.js');
    const tc = await connectTemporal();
    try {
      results = await replayFromServer(tc.client, code, typeof values.query === 'string' ? values.query : undefined);
    } finally {
      await tc.close();
    }
  } else {
    const arg = positionals[0]!;
    let history: HistoryJson | null;
    let id = arg;
    if (arg.endsWith('.json')) {
      const obj = readJsonFile(arg, 'history') as { format?: string; history?: HistoryJson; events?: unknown[]; procedure?: { id: string } };
      history = obj.format === BUNDLE_FORMAT ? obj.history ?? null : (obj as HistoryJson);
      if (!history?.events) throw new UsageError(`"${arg}" holds no Temporal history`);
      id = obj.procedure?.id ?? workflowIdOf(decodeHistory(history), arg);
    } else {
      const { connectTemporal } = await import('../connect.js');
      const { fetchHistoryJson } = await import('../audit/source.js');
      const tc = await connectTemporal();
      try {
        history = await fetchHistoryJson(tc.client, id);
      } finally {
        await tc.close();
      }
      if (!history) throw new Error(`procedure ${id}: Temporal has no history (retention deleted it?): replay an exported bundle instead`);
    }
    results = [await replayHistory(code, history, id)];
  }
  const s = summarise(results);
  if (values.json) out(JSON.stringify({ summary: s, results }, null, 2));
  else {
    for (const r of results) out(`${r.ok ? 'deterministic' : r.error?.name === 'DeterminismViolationError' ? 'DIVERGED     ' : 'FAILED       '} ${r.workflowId}${r.error ? `\n    ${r.error.message.split('\n')[0]}` : ''}`);
    out(`${s.total} replayed: ${s.deterministic} deterministic, ${s.diverged} diverged, ${s.failed} failed`);
  }
  return s.deterministic === s.total ? EXIT.ok : EXIT_FOUND_WRONG;
}

export const command: CliCommand = {
  summary: 'auditors: timeline, replay, export and offline verification of a procedure',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (!sub || sub === '--help' || sub === '-h') {
      process.stdout.write(HELP);
      return sub ? EXIT.ok : EXIT.usage;
    }
    const subs: Record<string, (a: string[]) => Promise<number>> = { timeline, replay, export: exportBundle, verify };
    const fn = subs[sub];
    if (!fn) return usageFail('audit', new UsageError(`unknown subcommand '${sub}'; known: ${Object.keys(subs).join(', ')}`));
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    try {
      return await fn(rest);
    } catch (e) {
      return usageFail(`audit ${sub}`, e);
    }
  },
};
