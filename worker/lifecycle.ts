// What `npm start` checks before it starts anything: one tartip per data folder (a lock with the
// main pid), children an earlier run left behind (their pid files), the ports it will listen on.
// Expected failures are a StartFailure: one line for people, in kk/ru/en, no stack trace.
import { linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Lang } from '../statute/errors.js';
import { filled, type Message } from '../client/cli-kit.js';
import { identityOf, isAlive, readPidFile, removePidFile, stopProcess } from './pidfile.js';

export const START_MESSAGES = {
  alreadyRunning: {
    en: 'already running (pid {pid}) with data folder {dir}; stop it with Ctrl-C or `kill {pid}`',
    ru: 'уже запущен (pid {pid}) с папкой данных {dir}; остановите его клавишами Ctrl-C или командой `kill {pid}`',
    kk: 'қазір іске қосулы (pid {pid}), деректер қалтасы {dir}; оны Ctrl-C пернелерімен немесе `kill {pid}` командасымен тоқтатыңыз',
  },
  portInUse: {
    en: 'port {port} ({variable}) is in use by {holder}; stop that process or set {variable} to a free port',
    ru: 'порт {port} ({variable}) занят ({holder}); остановите этот процесс или задайте в {variable} свободный порт',
    kk: '{port} порты ({variable}) бос емес ({holder}); сол процесті тоқтатыңыз немесе {variable} айнымалысына бос порт беріңіз',
  },
  anotherProcess: { en: 'another process', ru: 'другой процесс', kk: 'басқа процесс' },
  portDenied: {
    en: 'cannot listen on port {port} ({variable}): {code}; set {variable} to another port',
    ru: 'не удаётся открыть порт {port} ({variable}): {code}; задайте в {variable} другой порт',
    kk: '{port} портын ({variable}) ашу мүмкін емес: {code}; {variable} айнымалысына басқа порт беріңіз',
  },
  badConfig: {
    en: 'bad configuration: {issues}',
    ru: 'неверная конфигурация: {issues}',
    kk: 'конфигурация қате: {issues}',
  },
  pgUnreachable: {
    en: "PostgreSQL runs as the 'postgres' user, which cannot reach {dir}: folder {blocked} is closed to it; run `chmod o+x {blocked}` or set TARTIP_DATA_DIR to a folder it can reach",
    ru: 'PostgreSQL работает от имени пользователя «postgres», которому недоступна папка {dir}: для него закрыта папка {blocked}; выполните `chmod o+x {blocked}` или укажите в TARTIP_DATA_DIR доступную ему папку',
    kk: 'PostgreSQL «postgres» пайдаланушысы атынан жұмыс істейді, ол {dir} қалтасына кіре алмайды: {blocked} қалтасы оған жабық; `chmod o+x {blocked}` орындаңыз немесе TARTIP_DATA_DIR айнымалысына ол кіре алатын қалтаны беріңіз',
  },
  pgNoPlace: {
    en: "PostgreSQL runs as the 'postgres' user, which cannot reach {dir} (folder {blocked} is closed to it), and {place} could not be prepared for it ({error}); run `chmod o+x {blocked}` or set TARTIP_DATA_DIR to a folder it can reach",
    ru: 'PostgreSQL работает от имени пользователя «postgres», которому недоступна папка {dir} (для него закрыта папка {blocked}), а подготовить для него {place} не удалось ({error}); выполните `chmod o+x {blocked}` или укажите в TARTIP_DATA_DIR доступную ему папку',
    kk: 'PostgreSQL «postgres» пайдаланушысы атынан жұмыс істейді, ол {dir} қалтасына кіре алмайды ({blocked} қалтасы оған жабық), ал ол үшін {place} дайындау мүмкін болмады ({error}); `chmod o+x {blocked}` орындаңыз немесе TARTIP_DATA_DIR айнымалысына ол кіре алатын қалтаны беріңіз',
  },
  pgNoUser: {
    en: "PostgreSQL cannot run as root and there is no 'postgres' user to run it ({error}); create one (`useradd --system postgres`) or run tartip as another user",
    ru: 'PostgreSQL не запускается от root, а пользователя «postgres» нет ({error}); создайте его (`useradd --system postgres`) или запустите tartip от имени другого пользователя',
    kk: 'PostgreSQL root атынан іске қосылмайды, ал «postgres» пайдаланушысы жоқ ({error}); оны жасаңыз (`useradd --system postgres`) немесе tartip-ті басқа пайдаланушы атынан іске қосыңыз',
  },
  pgOtherRunning: {
    en: 'a PostgreSQL (pid {pid}) not started by tartip is already running on {dir}; stop it (`kill {pid}`) and start again',
    ru: 'на данных {dir} уже работает PostgreSQL (pid {pid}), запущенный не tartip; остановите его (`kill {pid}`) и запустите снова',
    kk: '{dir} деректерінде tartip іске қоспаған PostgreSQL (pid {pid}) жұмыс істеп тұр; оны тоқтатып (`kill {pid}`), қайта іске қосыңыз',
  },
  pgDataNotEmpty: {
    en: '{dir} holds other files but no PostgreSQL database (no PG_VERSION); move them away or set TARTIP_DATA_DIR to another folder',
    ru: 'в папке {dir} есть другие файлы, но нет базы PostgreSQL (нет PG_VERSION); уберите их или укажите в TARTIP_DATA_DIR другую папку',
    kk: '{dir} қалтасында басқа файлдар бар, бірақ PostgreSQL дерекқоры жоқ (PG_VERSION жоқ); оларды басқа жерге көшіріңіз немесе TARTIP_DATA_DIR айнымалысына басқа қалтаны беріңіз',
  },
  childExited: {
    en: '{what} stopped while starting (exit code {code}): {tail}',
    ru: '{what} остановился при запуске (код выхода {code}): {tail}',
    kk: '{what} іске қосылу кезінде тоқтады (шығу коды {code}): {tail}',
  },
} as const satisfies Record<string, Message>;

/** An expected failure of the main command: printed as one line `tartip: <text>`, exit 1. */
export class StartFailure extends Error {
  constructor(readonly text: Message) {
    super(text.en);
    this.name = 'StartFailure';
  }
}

export const startFailure = (key: keyof typeof START_MESSAGES, params: Record<string, string | number> = {}) => new StartFailure(filled(START_MESSAGES[key], params));

/** The language of the main command's messages: TARTIP_LANG, else en. */
export function mainLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.TARTIP_LANG;
  return v === 'kk' || v === 'ru' || v === 'en' ? v : 'en';
}

// ---- the lock: one main per data folder --------------------------------------------------------

export const LOCK_FILE = 'tartip.pid';

export interface Lock {
  file: string;
  release(): void;
}

/** Takes the data folder for this process, or fails naming the tartip that holds it. A lock whose process is gone is taken over. */
export function acquireLock(dataDir: string): Lock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me = identityOf(process.pid) ?? { pid: process.pid, start: '', cmd: '' };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...me, name: 'tartip', dataDir }) + '\n');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, file); // atomic: fails if another start holds the name
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
        const held = readPidFile(file);
        if (held && held.pid !== process.pid && isAlive(held)) throw startFailure('alreadyRunning', { pid: held.pid, dir: dataDir });
        try { unlinkSync(file); } catch { /* taken by a racing start: try again */ }
      }
    }
  } finally {
    try { unlinkSync(tmp); } catch { /* gone */ }
  }
  const release = () => removePidFile(file, process.pid);
  process.on('exit', release);
  return { file, release };
}

// ---- orphans: children of a run that did not stop them ----------------------------------------

/** Stops the children an earlier run of this data folder left running (their pid files), never an unrelated process. */
export async function stopOrphans(dataDir: string, log: (l: string) => void): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(dataDir).filter((f) => f.endsWith('.pid') && f !== LOCK_FILE);
  } catch {
    return;
  }
  await Promise.all(files.map(async (f) => {
    const file = path.join(dataDir, f);
    const r = readPidFile(file);
    if (r && isAlive(r)) {
      log(`tartip: stopping ${r.name} (pid ${r.pid}), left running by an earlier start that did not stop it`);
      await stopProcess(r, (r.signal as NodeJS.Signals | undefined) ?? 'SIGTERM');
      if (isAlive(r)) throw new Error(`the ${r.name} (pid ${r.pid}) of an earlier start does not stop; stop it (kill -9 ${r.pid}) and start again`);
    }
    if (r) removePidFile(file, r.pid);
  }));
}

// ---- ports -------------------------------------------------------------------------------------

/** Who listens on TCP `port` (from /proc/net/tcp and the processes' socket descriptors), if it can be told. */
export function portHolder(port: number): { pid: number; cmd: string } | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '0A') continue; // LISTEN
      if (parseInt(f[1]!.split(':')[1] ?? '', 16) === port) inodes.add(f[9]!);
    }
  }
  if (!inodes.size) return null;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1]!)) {
        const id = identityOf(Number(pid));
        if (id) return { pid: id.pid, cmd: id.cmd };
      }
    }
  }
  return null;
}

function tryListen(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? String(e)));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(null)));
  });
}

const shorten = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Fails on the first port another process holds, naming the holder and the variable that moves it. */
export async function checkPorts(ports: readonly { port: number; variable: string }[]): Promise<void> {
  for (const { port, variable } of ports) {
    if (!port) continue; // 0: any free port
    const err = await tryListen(port);
    if (err === null) continue;
    if (err === 'EADDRINUSE') {
      const h = portHolder(port);
      const holder = h ? filled({ en: 'pid {pid}: {cmd}', ru: 'pid {pid}: {cmd}', kk: 'pid {pid}: {cmd}' }, { pid: h.pid, cmd: shorten(h.cmd) }) : START_MESSAGES.anotherProcess;
      const t = START_MESSAGES.portInUse;
      throw new StartFailure({
        en: filled(t, { port, variable, holder: holder.en }).en,
        ru: filled(t, { port, variable, holder: holder.ru }).ru,
        kk: filled(t, { port, variable, holder: holder.kk }).kk,
      });
    }
    throw startFailure('portDenied', { port, variable, code: err });
  }
}
