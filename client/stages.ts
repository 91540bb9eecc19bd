// The stages of each procedure, as values the CLI can check a --stage against: read from the
// specifications themselves (workflows/engine/spec.ts `stages`), so a stage added to a procedure
// is known here at once.
import { DEFINITIONS } from '../workflows/definitions.js';

/** by procedure kind (workflows/definitions.ts) */
export const STAGES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(DEFINITIONS.map((d) => [d.kind, d.stages ?? []]));

/** Every stage of any procedure, once. */
export const ALL_STAGES: readonly string[] = [...new Set(Object.values(STAGES).flat())].sort();
