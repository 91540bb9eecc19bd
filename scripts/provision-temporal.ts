// `npm run provision`: provide both Temporal binaries now (the main command and the tests also
// do this on first use). Prints where each came from.
import { provideAll } from '../worker/provision/temporal-binaries.js';

const r = await provideAll({ log: (l) => console.error(l) });
for (const b of [r.cli, r.testServer]) console.log(`${b.kind}\t${b.version}\t${b.route}\t${b.path}`);
