// `npm run bench`: runs every bench/*.bench.ts in turn (each prints its own numbers).
//   npm run bench -- ratios api     only those whose file name contains one of the words
//   npm run bench -- --json         one JSON object on standard output: issue 14's figures, each
//                                   with its baseline and the ratio (bench/ratios.bench.ts)
//   npm run bench -- memory --json  that bench's JSON
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const named = args.filter((a) => !a.startsWith('--'));
// --json alone: the figures of bench/ratios.bench.ts; with names, those benches' JSON
const only = named.length ? named : json ? ['ratios'] : [];
const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const b of benches) {
  if (!json) console.log(`\n=== ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, b), ...(json ? ['--json'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
