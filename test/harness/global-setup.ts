// Runs once per `vitest run`: provides the Temporal binaries (offline routes), starts one
// embedded PostgreSQL for all tests (unless DATABASE_URL is set) and bundles the workflows once.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { provideAll } from '../../worker/provision/temporal-binaries.js';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../worker/db/embedded.js';
import { freePort } from '../../worker/temporal-server.js';
import { cachedWorkflowBundle } from '../../worker/bundle-cache.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalCli: string;
    temporalTestServer: string;
    pgAdminUrl: string;
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tartip-test-'));
  chmodSync(tmp, 0o755); // the embedded PostgreSQL runs as 'postgres' when we are root
  const bins = await provideAll({ log: (l) => console.error(l) });
  let pgServer: EmbeddedPg | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    pgServer = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
    adminUrl = pgServer.adminUrl;
  }
  // today's sources, built once and kept (worker/bundle-cache.ts: keyed by the files it is built from)
  const bundlePath = (await cachedWorkflowBundle({ log: (l) => console.error(l) })).codePath;
  project.provide('temporalCli', bins.cli.path);
  project.provide('temporalTestServer', bins.testServer.path);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('workflowBundlePath', bundlePath);
  return async () => {
    await pgServer?.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
}
