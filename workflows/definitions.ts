// Every procedure clients can start, with its input and acts. The HTTP API, the CLI and the
// simulator read this list; each procedure file exports its own definition.
import type { ProcedureDefinition } from './procedure.js';
import { statutoryWaitDefinition } from './statutory-wait.js';

export const DEFINITIONS: readonly ProcedureDefinition[] = [
  statutoryWaitDefinition,
];

export function definitionOf(kind: string): ProcedureDefinition | undefined {
  return DEFINITIONS.find((d) => d.kind === kind);
}
