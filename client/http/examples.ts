// Example inputs of the OpenAPI document: each kind's start and each act, taken from the
// scenario files (examples/<kind>/*.json) with what the API fills or refuses taken out, so that
// they are real inputs; an act no scenario performs has a written one here (WRITTEN_ACTS).
// test/api/openapi-examples.test.ts parses every one the way the API does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcedureDefinition } from '../../workflows/procedure.js';
import { ScenarioSchema, isImport, type Scenario } from '../../workflows/scenario.js';

export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

export interface Example {
  summary: string;
  value: Record<string, unknown>;
}

/** Acts no scenario performs (accepted), by act name: small valid inputs, `actor` left to the token. */
export const WRITTEN_ACTS: Readonly<Record<string, Record<string, unknown>>> = {
  suspendClock: {
    at: '2025-03-10T10:00:00+05:00',
    reason: 'Суд приостановил течение сроков до рассмотрения жалобы',
    basis: 'определение суда о приостановлении',
    document: 'Определение № 2-123/2025',
  },
  resumeClock: { at: '2025-03-20T10:00:00+05:00', document: 'Определение № 2-130/2025' },
  withdraw: { at: '2025-03-12T10:00:00+05:00', reason: 'Инициаторы отозвали обращение' },
  refuseRegistration: { at: '2025-04-02T10:00:00+05:00', candidateId: 'C1', decisionNumber: 'Решение № 12', ground: 'nomination_rules_violated' },
  cancelRegistration: { at: '2025-04-20T10:00:00+05:00', candidateId: 'C1', decisionNumber: 'Решение № 15', ground: 'early_campaigning' },
  reinstateCandidate: { at: '2025-04-25T10:00:00+05:00', candidateId: 'C1', basis: 'Решение суда № 2-45/2025' },
};

const without = (o: Record<string, unknown>, drop: readonly string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !drop.includes(k)));

let cache: { file: string; scenario: Scenario }[] | null = null;

/** Every scenario file, in path order. */
export function scenarioFiles(dir = EXAMPLES_DIR): { file: string; scenario: Scenario }[] {
  if (dir === EXAMPLES_DIR && cache) return cache;
  let dirs;
  try {
    dirs = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // an install without examples/ serves the written examples only (the test checks the repository's)
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out = dirs
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith('.json')).sort().map((f) => `${d.name}/${f}`))
    .map((file) => ({ file, scenario: ScenarioSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) }));
  if (dir === EXAMPLES_DIR) cache = out;
  return out;
}

export interface Examples {
  /** by kind */
  start: Map<string, Example>;
  /** by kind, then act */
  acts: Map<string, Map<string, Example>>;
}

/**
 * The first scenario of each kind gives its start example, the first accepted performance of each
 * act its act example (with its legal time `at`); `startDrop` / `actDrop` are the fields the API
 * fills or refuses (schemas.ts START_FILLED, START_REFUSED, …, ACT_FILLED).
 */
export function openApiExamples(defs: readonly ProcedureDefinition[], startDrop: readonly string[], actDrop: readonly string[]): Examples {
  const start = new Map<string, Example>();
  const acts = new Map<string, Map<string, Example>>(defs.map((d) => [d.kind, new Map()]));
  for (const { file, scenario } of scenarioFiles()) {
    const def = defs.find((d) => d.kind === scenario.procedure);
    if (!def) continue;
    if (!start.has(def.kind)) start.set(def.kind, { summary: `${scenario.title} (examples/${file})`, value: without(scenario.start.input, startDrop) });
    const mine = acts.get(def.kind)!;
    for (const a of scenario.acts) {
      if (isImport(a)) continue;
      if (a.expectRefusal !== undefined || !def.acts[a.act] || mine.has(a.act)) continue;
      mine.set(a.act, { summary: `${scenario.title} (examples/${file})`, value: { ...without(a.input, actDrop), at: a.at } });
    }
  }
  for (const d of defs) {
    const mine = acts.get(d.kind)!;
    for (const act of Object.keys(d.acts)) {
      const w = WRITTEN_ACTS[act];
      if (!mine.has(act) && w) mine.set(act, { summary: `${act} (client/http/examples.ts)`, value: { ...w } });
    }
  }
  return { start, acts };
}
