// Every procedure clients can start, with its input and acts. The HTTP API, the CLI and the
// simulator read this list; each procedure file exports its own definition.
import type { ProcedureDefinition } from './procedure.js';

export const DEFINITIONS: readonly ProcedureDefinition[] = [];

export function definitionOf(kind: string): ProcedureDefinition | undefined {
  return DEFINITIONS.find((d) => d.kind === kind);
}
