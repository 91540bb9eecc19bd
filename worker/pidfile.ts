// Pid files with the process's identity (start time and command line from /proc), so a pid that
// the system has since given to an unrelated process is never taken for ours, and never killed.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export interface ProcIdentity {
  pid: number;
  /** start time in clock ticks since boot (/proc/<pid>/stat, field 22) */
  start: string;
  /** the command line, arguments joined by spaces */
  cmd: string;
}

export interface PidRecord extends ProcIdentity {
  /** what the process is, for messages: "Temporal dev server", "PostgreSQL", "tartip" */
  name: string;
  /** the data folder it works on */
  dataDir?: string;
  /** the signal that stops it cleanly */
  signal?: string;
}

/** The identity of a living process, or null (gone, a zombie, or no /proc to tell). */
export function identityOf(pid: number): ProcIdentity | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, start: fields[19] ?? '', cmd };
  } catch {
    return null;
  }
}

/** True when the process of the record still lives: same pid, same start time, same command. */
export function isAlive(r: ProcIdentity): boolean {
  const now = identityOf(r.pid);
  return now !== null && now.start === r.start && now.cmd === r.cmd;
}

export function writePidFile(file: string, r: PidRecord): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(r) + '\n');
  renameSync(tmp, file);
}

/** The record in `file`; null when there is none or it is not one of ours. */
export function readPidFile(file: string): PidRecord | null {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
    if (typeof r.pid === 'number' && typeof r.start === 'string' && typeof r.cmd === 'string' && typeof r.name === 'string') return r as PidRecord;
  } catch {
    /* missing or not ours */
  }
  return null;
}

/** Removes `file` if it still names `pid` (a newer run may have written its own). */
export function removePidFile(file: string, pid: number): void {
  if (readPidFile(file)?.pid === pid) {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signals the process of `r` (only if it is still that process), then SIGKILL after `graceMs`; resolves when it is gone. */
export async function stopProcess(r: ProcIdentity, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (!isAlive(r)) return;
  try {
    process.kill(r.pid, signal);
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (isAlive(r)) {
    if (Date.now() > until) {
      try {
        process.kill(r.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      for (let i = 0; i < 100 && isAlive(r); i++) await sleep(100);
      return;
    }
    await sleep(100);
  }
}
