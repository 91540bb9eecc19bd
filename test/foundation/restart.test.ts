// The main command, run for real: Temporal dev server persisted to a file, embedded PostgreSQL,
// migrations, worker. Ctrl-C stops every child; a second start finds the first one's procedures,
// and a timer armed before the stop fires after it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../../worker/temporal-server.js';
import { DEFAULT_EDITION_ID } from '../../statute/rules.js';
import { LATEST_OFFICIAL_VERSION } from '../../statute/calendar/index.js';
import type { statutoryWait, StatutoryWaitState } from '../../workflows/statutory-wait.js';
import type { selfCheck } from '../../workflows/self-check.js';
import { killEverything, listening, mainEnv, startMain as startMainProcess, type MainProcess } from '../harness/main-process.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tartip-restart-'));
chmodSync(dataDir, 0o755);
afterAll(() => {
  killEverything([dataDir]);
  rmSync(dataDir, { recursive: true, force: true });
});

interface Ports { temporal: number; ui: number; pg: number }

const startMain = (ports: Ports): Promise<MainProcess> => startMainProcess({ ...mainEnv(dataDir, { ...ports, http: 0 }), TARTIP_SMTP_HOST: undefined, TARTIP_LANG: '' });
const stopMain = (m: MainProcess) => m.stop('SIGINT');

async function client(port: number) {
  const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
  return { client: new Client({ connection }), close: () => connection.close() };
}

describe('main command: restart keeps procedures and their timers', () => {
  it('starts everything, stops on Ctrl-C, and resumes the same procedures on a second start', async () => {
    const ports: Ports = { temporal: await freePort(), ui: await freePort(), pg: await freePort() };
    const first = await startMain(ports);
    expect(first.output()).toContain(`Temporal Web UI: http://127.0.0.1:${ports.ui}`);
    // no SMTP: said once, at start, with the folder the notices are kept in (issue 19)
    expect(first.output().split('\n').filter((l) => l.includes('e-mail is not configured'))).toEqual([
      `tartip: e-mail is not configured: notices are kept in ${path.join(dataDir, 'outbox')} (state queued: tartip notices list) and go out when TARTIP_SMTP_HOST is set.`,
    ]);
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBe(200);

    let c = await client(ports.temporal);
    const wait = await c.client.workflow.start<typeof statutoryWait>('statutoryWait', {
      workflowId: 'restart-wait',
      taskQueue: 'tartip',
      args: [{ rule: 'art24.p8.repeat_vote', anchor: '2036-03-17', editionId: DEFAULT_EDITION_ID, calendarRef: `kz-official@${LATEST_OFFICIAL_VERSION}`, startedBy: { kind: 'person', id: 'test' }, unit: 'KZ-TEST' }],
    });
    const before = await wait.query<StatutoryWaitState>('state');
    expect(before.stage).toBe('waiting');
    const timer = await c.client.workflow.start<typeof selfCheck>('selfCheck', { workflowId: 'restart-timer', taskQueue: 'tartip', args: [{ seconds: 15 }] });
    // wait until the timer is armed
    for (let i = 0; i < 100; i++) {
      const h = await timer.fetchHistory();
      if (h.events?.some((e) => e.timerStartedEventAttributes)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.close();

    expect(await stopMain(first), first.output().slice(-3000)).toBe(0);
    expect(first.output()).toContain('tartip: stopped.');
    // every child is gone: nothing listens on the Temporal, UI or PostgreSQL ports
    expect(await listening(ports.temporal)).toBe(false);
    expect(await listening(ports.ui)).toBe(false);
    expect(await listening(ports.pg)).toBe(false);

    const second = await startMain(ports);
    c = await client(ports.temporal);
    const again = c.client.workflow.getHandle('restart-wait');
    expect((await again.describe()).status.name).toBe('RUNNING');
    expect(await again.query('state')).toEqual(before);
    const listed: string[] = [];
    for await (const w of c.client.workflow.list({ query: `TartipProcedure = 'statutory_wait' AND TartipUnit = 'KZ-TEST'` })) listed.push(w.workflowId);
    expect(listed).toEqual(['restart-wait']);
    const fired = await c.client.workflow.getHandle<typeof selfCheck>('restart-timer').result();
    expect(Date.parse(fired.firedAt) - Date.parse(fired.armedAt)).toBeGreaterThanOrEqual(15_000);
    await c.close();
    expect(await stopMain(second), second.output().slice(-3000)).toBe(0);
  }, 400_000);
});
