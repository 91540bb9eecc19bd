// Every procedure clients can start, with its input and acts. The HTTP API, the CLI and the
// simulator read this list; each procedure file exports its own definition.
import type { ProcedureDefinition } from './procedure.js';
import { ruralAkimElectionDefinition } from './rural-akim-election.js';
import { statutoryWaitDefinition } from './statutory-wait.js';
import { akimConsentDefinition } from './akim-consent.js';
import { noConfidenceDefinition } from './no-confidence.js';
import { senateRecallDefinition } from './senate-recall.js';
import { extraordinarySessionDefinition } from './extraordinary-session.js';
import { firstSessionDefinition } from './first-session.js';
import { deputySanctionDefinition } from './deputy-sanction.js';
import { regularSessionDefinition } from './regular-session.js';
import { deputyEarlyTerminationDefinition } from './deputy-early-termination.js';
import { maslikhatEarlyTerminationDefinition } from './maslikhat-early-termination.js';

export const DEFINITIONS: readonly ProcedureDefinition[] = [
  statutoryWaitDefinition,
  ruralAkimElectionDefinition,
  akimConsentDefinition,
  noConfidenceDefinition,
  senateRecallDefinition,
  extraordinarySessionDefinition,
  firstSessionDefinition,
  deputySanctionDefinition,
  regularSessionDefinition,
  deputyEarlyTerminationDefinition,
  maslikhatEarlyTerminationDefinition,
];

export function definitionOf(kind: string): ProcedureDefinition | undefined {
  return DEFINITIONS.find((d) => d.kind === kind);
}
