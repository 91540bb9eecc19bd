// `tartip <command> [...]` (client/program.ts). Ends by letting the process end on its own once
// everything it wrote has been handed to the system: process.exit right after a write would cut
// output piped to another program (at 64 KiB on Linux).
import { flushed } from './cli-kit.js';
import { run } from './program.js';

// a reader that stops early (`tartip rules | head`): nothing more to say, end quietly
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

const code = await run(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`tartip: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
});
process.exitCode = code;
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Commands close what they open (Temporal connections, pools, servers); should a library still
// hold the event loop, all output is written by now: end anyway (TARTIP_DEBUG_EXIT=1 names what
// was still open).
setTimeout(() => {
  if (process.env.TARTIP_DEBUG_EXIT) process.stderr.write(`tartip: ended with handles still open: ${process.getActiveResourcesInfo().join(', ')}\n`);
  process.exit(code);
}, 2_000).unref();
