// Every workflow the worker runs. One file per procedure.
export { statutoryWait } from './statutory-wait.js';
export { selfCheck } from './self-check.js';
