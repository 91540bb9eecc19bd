// Inputs shown (issue 19): every start and every act operation of the OpenAPI document has an
// example, taken from the scenario files (or written beside them), and each example passes its
// schema exactly the way the API parses a body (procedures.ts parseStart / parseAct), so the
// examples cannot drift from the schemas. No servers: the document and the parsers are pure.
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument, START_DROPPED, ACT_FILLED } from '../../client/http/schemas.js';
import { WRITTEN_ACTS, openApiExamples, scenarioFiles } from '../../client/http/examples.js';
import { isImport } from '../../workflows/scenario.js';
import { parseAct, parseStart } from '../../client/http/procedures.js';
import { ApiError } from '../../client/http/errors.js';
import { DEFINITIONS } from '../../workflows/definitions.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = openApiDocument(DEFINITIONS) as Json;
const actor = { kind: 'person' as const, id: 'admin-a', name: 'Айгүл Серікова', role: 'administrator' };

/** What the API would answer for this body: null when it parses, else the error body. */
function refusal(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof ApiError) return JSON.stringify(e.body('en'));
    throw e;
  }
}

const examplesOf = (op: Json): Record<string, { summary: string; value: unknown }> => op.requestBody.content['application/json'].examples ?? {};

describe('OpenAPI examples (issue 19, "Inputs shown")', () => {
  it('the document with its examples is valid OpenAPI 3.1', async () => {
    const res = await new Validator().validate(doc as never);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
  });

  const starts = DEFINITIONS.map((d) => [d.kind, d] as const);
  it.each(starts)('start of %s: an example, valid the way the API parses it, without startedBy / simulation / roster', (kind, def) => {
    const op = doc.paths[`/v1/kinds/${kind}/procedures`].post;
    const xs = Object.values(examplesOf(op));
    expect(xs.length, `no start example for ${kind}`).toBeGreaterThan(0);
    for (const x of xs) {
      const v = x.value as Record<string, unknown>;
      for (const f of START_DROPPED) expect(Object.keys(v)).not.toContain(f);
      expect(refusal(() => parseStart(def, v, actor, 'en')), x.summary).toBeNull();
      // the workflow id (one open procedure per …) is derived from it too
      expect(() => def.workflowId(parseStart(def, v, actor, 'en').data)).not.toThrow();
    }
  });

  const acts = DEFINITIONS.flatMap((d) => Object.keys(d.acts).map((a) => [d.kind, a, d] as const));
  it(`covers all ${acts.length} acts of ${DEFINITIONS.length} kinds`, () => {
    expect(acts.length).toBeGreaterThan(30);
  });
  it.each(acts)('%s act %s: an example, valid the way the API parses it, without actor', (kind, act, def) => {
    const op = doc.paths[`/v1/procedures/{id}/acts/${act}`].post;
    const x = examplesOf(op)[kind];
    expect(x, `no example of ${act} for ${kind}`).toBeDefined();
    const v = x!.value as Record<string, unknown>;
    expect(Object.keys(v)).not.toContain('actor');
    expect(refusal(() => parseAct(def.acts[act]!, v, actor, 'en')), x!.summary).toBeNull();
  });

  it('examples come from the scenario files, with what the API fills or refuses taken out', () => {
    const x = openApiExamples(DEFINITIONS, START_DROPPED, ACT_FILLED);
    const consent = scenarioFiles().find((f) => f.file === 'akim_consent/01-consent.json')!.scenario;
    // the scenario carries startedBy and a roster (simulations only); the example does not
    expect(Object.keys(consent.start.input)).toEqual(expect.arrayContaining(['startedBy', 'roster']));
    const { startedBy: _s, roster: _r, ...rest } = consent.start.input;
    expect(x.start.get('akim_consent')!.value).toEqual(rest);
    const act = consent.acts[0]!;
    if (isImport(act)) throw new Error('the first step of 01-consent is an act');
    const { actor: _a, ...actRest } = act.input;
    expect(x.acts.get('akim_consent')!.get(act.act)!.value).toEqual({ ...actRest, at: act.at });
  });

  it('an example its schema refuses is caught: the check can fail', () => {
    const def = DEFINITIONS.find((d) => d.kind === 'no_confidence')!;
    expect(refusal(() => parseAct(def.acts.withdraw!, { ...WRITTEN_ACTS.withdraw, reason: '' }, actor, 'en'))).toContain('"field":"reason"');
    const start = openApiExamples(DEFINITIONS, START_DROPPED, ACT_FILLED).start.get('no_confidence')!.value;
    expect(refusal(() => parseStart(def, { ...start, startedBy: actor }, actor, 'en'))).toContain('actor_from_token');
    expect(refusal(() => parseStart(def, { ...start, roster: { seats: 3, deputies: [] } }, actor, 'en'))).toContain('"field":"roster"');
  });

  it('the written examples are only for acts no scenario performs (scenarios win)', () => {
    const performed = new Set(scenarioFiles().flatMap((f) => f.scenario.acts.filter((a) => !isImport(a) && a.expectRefusal === undefined).map((a) => a as { act: string }).map((a) => `${f.scenario.procedure}.${a.act}`)));
    for (const act of Object.keys(WRITTEN_ACTS)) {
      const kinds = DEFINITIONS.filter((d) => d.acts[act]).map((d) => d.kind);
      expect(kinds.length, `${act} is no act of any procedure`).toBeGreaterThan(0);
      expect(kinds.some((k) => !performed.has(`${k}.${act}`)), `${act}: every kind has a scenario for it; drop the written one`).toBe(true);
    }
  });
});
