// Bad input at the boundary, without servers: every start input and act of every example, with a
// control character put into one of its texts (fast-check chooses which and what), is refused
// naming that field, and the procedure is left as it was. PostgreSQL cannot store "\u0000": before
// this check such an act was accepted and then failed its record, and the procedure with it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hygieneIssues, INPUT_LIMITS } from '../../workflows/engine/hygiene.js';
import { InputRefusal, parseInput } from '../../workflows/engine/pipeline.js';
import { akimConsentSpec } from '../../workflows/akim-consent.js';
import { noConfidenceSpec } from '../../workflows/no-confidence.js';
import { senateRecallSpec } from '../../workflows/senate-recall.js';
import { regularSessionSpec } from '../../workflows/regular-session.js';
import { ruralAkimElectionSpec } from '../../workflows/rural-akim-election.js';
import { statutoryWaitSpec } from '../../workflows/statutory-wait.js';
import { extraordinarySessionSpec } from '../../workflows/extraordinary-session.js';
import { firstSessionSpec } from '../../workflows/first-session.js';
import { deputySanctionSpec } from '../../workflows/deputy-sanction.js';
import { deputyEarlyTerminationSpec } from '../../workflows/deputy-early-termination.js';
import { maslikhatEarlyTerminationSpec } from '../../workflows/maslikhat-early-termination.js';
import type { ProcedureSpec } from '../../workflows/engine/spec.js';
import { PROJECT_ROOT } from '../../worker/provision/temporal-binaries.js';
import { startPure, CALENDAR_REF } from '../harness/pure.js';

const SPECS: Record<string, ProcedureSpec<any, any, any>> = {
  akim_consent: akimConsentSpec, no_confidence: noConfidenceSpec, senate_recall: senateRecallSpec, rural_akim_election: ruralAkimElectionSpec, statutory_wait: statutoryWaitSpec,
  extraordinary_session: extraordinarySessionSpec,
  first_session: firstSessionSpec,
  deputy_sanction: deputySanctionSpec,
  regular_session: regularSessionSpec,
  deputy_early_termination: deputyEarlyTerminationSpec, maslikhat_early_termination: maslikhatEarlyTerminationSpec,
};
interface Example { procedure: string; start: { at: string; input: Record<string, unknown> }; acts: { at: string; act: string; input: Record<string, unknown>; expectRefusal?: string }[] }
/** The acts of an example (its import steps, files loaded beside it, are not acts). */
const withoutImports = (x: Example): Example => ({ ...x, acts: x.acts.filter((a) => 'act' in a) });
const EXAMPLES: { file: string; x: Example }[] = readdirSync(path.join(PROJECT_ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(PROJECT_ROOT, 'examples', d.name)).filter((f) => f.endsWith('.json')).map((f) => ({ file: `${d.name}/${f}`, x: withoutImports(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'examples', d.name, f), 'utf8')) as Example) })));

/** The paths of every text in a value. */
function texts(v: unknown, p: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [p];
  if (Array.isArray(v)) return v.flatMap((x, i) => texts(x, [...p, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => texts(x, [...p, k]));
  return [];
}
function withText(v: unknown, p: (string | number)[], f: (s: string) => string): unknown {
  if (p.length === 0) return f(v as string);
  const [h, ...rest] = p;
  if (Array.isArray(v)) return v.map((x, i) => (i === h ? withText(x, rest, f) : x));
  return { ...(v as object), [h!]: withText((v as Record<string, unknown>)[h as string], rest, f) };
}
const control = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 11, max: 12 }), fc.integer({ min: 14, max: 31 }), fc.integer({ min: 127, max: 159 })).map((c) => String.fromCharCode(c));

describe('hygiene: what no input may carry', () => {
  it.each([
    ['NUL in a nested text', { a: { b: ['ok', 'x\u0000y'] } }, 'a.b.1', 'control_character'],
    ['ESC', { name: 'a\u001bb' }, 'name', 'control_character'],
    ['DEL', { name: 'a\u007f' }, 'name', 'control_character'],
    ['a lone surrogate', { name: 'a\ud800' }, 'name', 'invalid_unicode'],
    ['a control character in a field name', { 'bad\u0001key': 1 }, 'bad?key', 'control_character'],
  ])('%s is refused, naming the field', (_n, v, field, rule) => {
    expect(hygieneIssues(v)[0]).toMatchObject({ field, rule });
  });

  it('tab, newline and carriage return are text; Kazakh, Russian and emoji are text', () => {
    expect(hygieneIssues({ bio: 'Жол\tбасы\r\nӘ ғ қ ң ө ұ ү һ і — «ёлка» 🇰🇿' })).toEqual([]);
  });

  it('3,000 levels deep (6 KB): refused as too deep, without overflowing the stack', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 3000; i++) v = { a: v };
    expect(hygieneIssues(v)).toEqual([expect.objectContaining({ rule: 'too_deep', field: Array(INPUT_LIMITS.depth).fill('a').join('.') })]);
    let arr: unknown = 1;
    for (let i = 0; i < 100_000; i++) arr = [arr];
    expect(hygieneIssues(arr)[0]!.rule).toBe('too_deep');
  });
});

describe('every example input with a control character in one of its texts', () => {
  it(`start inputs of all ${EXAMPLES.length} examples are refused naming the field`, () => {
    const starts = EXAMPLES.map(({ file, x }) => ({ file, spec: SPECS[x.procedure]!, input: { editionId: 'kz-148@2018-07-12', calendarRef: CALENDAR_REF, ...x.start.input, simulation: { legalStart: x.start.at } } }));
    fc.assert(fc.property(fc.constantFrom(...starts), fc.nat(), control, fc.nat(), ({ spec, input }, pick, c, pos) => {
      const paths = texts(input);
      const p = paths[pick % paths.length]!;
      const bad = withText(input, p, (s) => s.slice(0, pos % (s.length + 1)) + c + s.slice(pos % (s.length + 1)));
      let refused: unknown;
      try {
        parseInput(spec.input, bad, 'start');
      } catch (e) {
        refused = e;
      }
      expect(refused).toBeInstanceOf(InputRefusal);
      expect((refused as InputRefusal).issues[0]).toMatchObject({ field: p.join('.'), rule: 'control_character' });
    }), { numRuns: 300 });
  });

  it(`every act of all ${EXAMPLES.length} examples, under its own schema, is refused naming the field`, () => {
    const acts = EXAMPLES.flatMap(({ x }) => x.acts.map((a) => ({ schema: SPECS[x.procedure]!.acts[a.act]!.input, input: { ...a.input, at: a.at } })));
    fc.assert(fc.property(fc.constantFrom(...acts), fc.nat(), control, ({ schema, input }, pick, c) => {
      const paths = texts(input);
      const p = paths[pick % paths.length]!;
      let refused: unknown;
      try {
        parseInput(schema, withText(input, p, (s) => c + s), 'act');
      } catch (e) {
        refused = e;
      }
      expect((refused as InputRefusal).issues[0]).toMatchObject({ field: p.join('.'), rule: 'control_character' });
    }), { numRuns: 500 });
  });

  it('acts of the Art. 23-1 and Art. 24 examples are refused and change nothing', async () => {
    const runs = EXAMPLES.filter(({ x }) => x.procedure === 'akim_consent' || x.procedure === 'no_confidence');
    await fc.assert(fc.asyncProperty(fc.constantFrom(...runs), fc.nat(), fc.nat(), control, async ({ x }, which, pick, c) => {
      const r = await startPure(SPECS[x.procedure]!, x.start.at, x.start.input);
      const a = x.acts[which % x.acts.length]!;
      await r.until(a.at); // the timers due by then fire first
      const before = JSON.stringify(r.state());
      const paths = texts(a.input);
      if (paths.length === 0) return;
      const bad = withText(a.input, paths[pick % paths.length]!, (s) => s + c);
      expect(await r.act(a.act, { ...(bad as object), at: a.at })).toBe('invalid_input');
      expect(JSON.stringify(r.state())).toBe(before);
    }), { numRuns: 100 });
  });
});
