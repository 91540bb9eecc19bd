// `tartip rules`, run as a user runs it: node client/bin/tartip.js rules ...
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interpretationsOf } from '../../statute/rule-interpretations.js';
import { KZ_148_2018, rule, rulesOf } from '../../statute/rules.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function tartip(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'client/bin/tartip.js'), 'rules', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tartip rules', () => {
  it('lists every rule of the edition in force with value, citation and quote', () => {
    const r = tartip();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Edition kz-148@2018-07-12');
    expect(r.stdout).toContain('not the current law');
    expect(r.stdout).toContain(`Rules: ${rulesOf(KZ_148_2018).length}`);
    for (const rule of rulesOf(KZ_148_2018)) expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toContain('art24.p4.signature_collection');
    expect(r.stdout).toContain('10 working days, deadline, from: written appeal');
    expect(r.stdout).toContain('Law 148, Art. 24(4)');
    expect(r.stdout).toContain('«Сбор подписных листов осуществляется в течение десяти рабочих дней');
  });

  it('--procedure no_confidence --json: only the rules of P-17, machine-readable', () => {
    const r = tartip('--procedure', 'no_confidence', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { edition: { id: string }; rules: { id: string; procedure: string; value: string; cite: { quote: string } }[] };
    expect(out.edition.id).toBe('kz-148@2018-07-12');
    const ids = out.rules.map((x) => x.id);
    expect(ids).toEqual(rulesOf(KZ_148_2018, 'no_confidence').map((x) => x.id));
    expect(ids).toContain('art24.p8.repeat_vote');
    expect(ids).not.toContain('art24_1.p4.collection');
    const collection = out.rules.find((x) => x.id === 'art24.p4.signature_collection')!;
    expect(collection.value).toBe('10 working days, deadline, from: written appeal');
    expect(collection.cite.quote).toMatch(/десяти рабочих дней/);
  });

  it('--lang kk --procedure P-18 --edition kz-148@2018-07-12: titles and values in Kazakh', () => {
    const r = tartip('--lang', 'kk', '--procedure', 'P-18', '--edition', 'kz-148@2018-07-12');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Сайлаушылардың қолдарын жинау');
    expect(r.stdout).toContain('30 күнтізбелік күн, соңғы мерзім');
    expect(r.stdout).toContain('№ 148 Заңның 24-1-бабы, 4-тармағы');
  });

  it('lists under each rule every interpretation that applies to it, with its default (text)', () => {
    const r = tartip('--procedure', 'rural_akim_election');
    expect(r.code).toBe(0);
    const block = r.stdout.split('\n\n').find((b) => b.startsWith('art36_1.p3.submission_withdrawal '))!;
    expect(block).toContain('  interpretations:');
    // the 36-1(6) boundary governs the 36-1(3) withdrawal too
    expect(block).toContain('    art36_1.p6.two_days_boundary = from_e_minus_2 (default from_e_minus_2; listed by the rule)');
    expect(block).toContain('    period.days_before = e_minus_n (default e_minus_n; period arithmetic: every lead time');
    for (const a of interpretationsOf(rule(KZ_148_2018, 'art36_1.p3.submission_withdrawal'))) expect(block).toContain(`    ${a.id} = ${a.chosen} (default ${a.default};`);
    // consequences that name a rule are listed under it
    const p17 = tartip('--procedure', 'no_confidence').stdout.split('\n\n').find((b) => b.startsWith('art24.p4.signature_verification '))!;
    expect(p17).toContain('    art24.p4.verification_overdue = overdue_notice (default overdue_notice; names this rule)');
    expect(p17).toContain('    period.anchor_day = next_day (default next_day; listed by the rule; same question as period.start_next_day)');
  });

  it('shows the Civil Code behind the period rules as UNVERIFIED, in every language', () => {
    const en = tartip('--procedure', 'P-17').stdout;
    expect(en).toMatch(/! UNVERIFIED: Гражданский кодекс РК \(Общая часть\) от 27\.12\.1994, art\. 172 \(окончание срока в нерабочий день\) — Civil Code text not in the project's sources/);
    expect(en).not.toMatch(/ verified:/);
    expect(tartip('--procedure', 'P-17', '--lang', 'ru').stdout).toContain('! НЕ СВЕРЕНО: Гражданский кодекс РК (Общая часть) от 27.12.1994, ст. 170');
    expect(tartip('--procedure', 'P-17', '--lang', 'kk').stdout).toContain('! ТЕКСЕРІЛМЕГЕН: Гражданский кодекс РК (Общая часть) от 27.12.1994, 170-бап');
  });

  it('--json: appliedInterpretations under each rule, with default, how it applies and unverified references', () => {
    const r = tartip('--json');
    expect(r.code).toBe(0);
    type Applied = { id: string; chosen: string; default: string; via: string; external?: { article: string; verified: boolean; note: string }[] };
    const out = JSON.parse(r.stdout) as { rules: { id: string; interpretations?: { id: string }[]; appliedInterpretations: Applied[] }[] };
    for (const x of out.rules) {
      expect(x.appliedInterpretations.map((a) => a.id), x.id).toEqual(interpretationsOf(rule(KZ_148_2018, x.id as never)).map((a) => a.id));
      for (const u of x.interpretations ?? []) expect(x.appliedInterpretations.map((a) => a.id), x.id).toContain(u.id);
    }
    const sw = out.rules.find((x) => x.id === 'art36_1.p3.submission_withdrawal')!;
    expect(sw.appliedInterpretations).toContainEqual(expect.objectContaining({ id: 'art36_1.p6.two_days_boundary', chosen: 'from_e_minus_2', default: 'from_e_minus_2', via: 'rule' }));
    const collection = out.rules.find((x) => x.id === 'art24.p4.signature_collection')!;
    const nwd = collection.appliedInterpretations.find((a) => a.id === 'period.deadline_non_working_day')!;
    expect(nwd).toMatchObject({ via: 'period', default: 'next_working_day' });
    expect(nwd.external).toEqual([expect.objectContaining({ article: '172', verified: false, note: expect.stringContaining("Civil Code text not in the project's sources") })]);
    // the P-15 norms are listed too, with their kind
    expect(out.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['art23_1.p3.candidate_presence', 'art23_1.p4.acting_akim']));
  });

  it('unknown procedure → exit 2 with one line naming it', () => {
    const r = tartip('--procedure', 'impeachment');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Unknown procedure: impeachment/);
  });

  it('unknown edition → exit 2 with one line naming it, in the language asked', () => {
    const r = tartip('--edition', 'kz-148@1999-01-01', '--lang', 'ru');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Неизвестная редакция закона: kz-148@1999-01-01');
  });

  it('bad options and languages → exit 2; --help → usage on stdout, exit 0', () => {
    expect(tartip('--bogus').code).toBe(2);
    const lang = tartip('--lang', 'de');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang: "de" is not one of kk, ru, en');
    const help = tartip('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tartip rules/);
    expect(help.stdout).toContain('no_confidence');
  });
});
