// Every procedure workflow the worker runs. One file per procedure.
export { statutoryWait } from './statutory-wait.js';
