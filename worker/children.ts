// Every child process the main command starts (dev server, initdb, PostgreSQL) is tracked here from
// the moment it is spawned: stopChildren() stops them all, also in the middle of start-up, and a
// child spawned after that is stopped at once. With a pid file, a later start finds the child if
// this process dies without stopping it (kill -9).
import type { ChildProcess } from 'node:child_process';
import { identityOf, removePidFile, writePidFile } from './pidfile.js';

interface Entry {
  name: string;
  child: ChildProcess;
  stopSignal: NodeJS.Signals;
  exited: Promise<void>;
  signalled: boolean;
}

const live = new Set<Entry>();
let closed = false;

const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

export interface TrackOptions {
  /** what it is, for pid files and messages */
  name: string;
  /** the signal that stops it cleanly (PostgreSQL: SIGINT, a fast shutdown) */
  stopSignal?: NodeJS.Signals;
  /** record pid, start time and command line here while it runs */
  pidFile?: string;
  dataDir?: string;
}

/** Tracks a child just spawned. After stopChildren() began, the child is stopped at once. */
export function track(child: ChildProcess, o: TrackOptions): void {
  const pid = child.pid;
  const entry: Entry = {
    name: o.name,
    child,
    stopSignal: o.stopSignal ?? 'SIGTERM',
    exited: new Promise<void>((r) => {
      if (gone(child) || pid === undefined) r();
      else child.once('exit', () => r());
    }),
    signalled: false,
  };
  if (pid === undefined) return; // the spawn failed: there is no process
  live.add(entry);
  if (o.pidFile) {
    const id = identityOf(pid);
    if (id) writePidFile(o.pidFile, { ...id, name: o.name, signal: entry.stopSignal, ...(o.dataDir ? { dataDir: o.dataDir } : {}) });
  }
  void entry.exited.then(() => {
    live.delete(entry);
    if (o.pidFile) removePidFile(o.pidFile, pid);
  });
  if (closed) signal(entry, entry.stopSignal);
}

function signal(e: Entry, sig: NodeJS.Signals): void {
  e.signalled = true;
  if (gone(e.child)) return;
  try {
    e.child.kill(sig);
  } catch {
    /* gone */
  }
}

/** The children still running (pid and name), e.g. for a test or a message. */
export function liveChildren(): { pid: number; name: string }[] {
  return [...live].filter((e) => !gone(e.child)).map((e) => ({ pid: e.child.pid!, name: e.name }));
}

/**
 * Stops every tracked child: its stop signal, SIGKILL after `graceMs`. From now on a new child is
 * killed as soon as it is tracked. Resolves when none is left.
 */
export async function stopChildren(graceMs = 15_000): Promise<void> {
  closed = true;
  while (live.size) {
    const batch = [...live];
    for (const e of batch) if (!e.signalled) signal(e, e.stopSignal);
    const timer = setTimeout(() => { for (const e of batch) if (!gone(e.child)) e.child.kill('SIGKILL'); }, graceMs);
    await Promise.all(batch.map((e) => e.exited));
    clearTimeout(timer);
  }
}

// Last resort: this process exits (an uncaught error, process.exit) with children running.
process.on('exit', () => {
  for (const e of live) if (!gone(e.child)) try { e.child.kill(e.stopSignal); } catch { /* gone */ }
});
