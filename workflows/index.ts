// Every workflow the worker runs. One file per procedure.
export { statutoryWait } from './statutory-wait.js';
export { senateRecall } from './senate-recall.js';
export { akimConsent } from './akim-consent.js';
export { noConfidence } from './no-confidence.js';
export { ruralAkimElection } from './rural-akim-election.js';
export { extraordinarySession } from './extraordinary-session.js';
export { firstSession } from './first-session.js';
export { deputySanction } from './deputy-sanction.js';
export { regularSession } from './regular-session.js';
export { deputyEarlyTermination } from './deputy-early-termination.js';
export { maslikhatEarlyTermination } from './maslikhat-early-termination.js';
export { selfCheck } from './self-check.js';
export { integrityWatch } from './integrity-watch.js';
