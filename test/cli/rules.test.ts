// `tartip rules`, run as a user runs it: node client/bin/tartip.js rules ...
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KZ_148_2018, rulesOf } from '../../statute/rules.js';

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
