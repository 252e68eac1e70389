import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

// SQLite in WAL mode with `synchronous = NORMAL` writes a commit to the WAL without waiting for
// the disk; the disk wait comes at a checkpoint, when the WAL's pages are copied into the
// database file and both are `fsync`ed. By default that runs inside whichever commit crosses the
// threshold, on the event loop: every call on the process stalls while it copies and syncs (on
// the relay bench, event-loop max 188 ms with the file on disk against 65 ms on tmpfs).
//
// A long-running server instead checkpoints from a worker thread with its own connection to the
// same file: the app's connection stops checkpointing (`wal_autocheckpoint = 0`) once the worker
// is up, and the worker runs a PASSIVE checkpoint (it never blocks a writer or a reader) every
// `intervalMs`. If the worker fails, the app's connection checkpoints again as before. Closing
// stops the worker first; the app's connection then closes last and SQLite checkpoints the rest.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
let runs = 0;
let frames = 0;
const checkpoint = () => {
  try {
    const row = db.pragma('wal_checkpoint(PASSIVE)')[0];
    runs++;
    frames += row ? row.checkpointed : 0;
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (msg) => {
  if (msg === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  } else if (msg === 'stats') {
    checkpoint();
    parentPort.postMessage({ type: 'stats', runs, frames });
  }
});
parentPort.postMessage({ type: 'ready' });
`;

export interface CheckpointStats {
  /** Checkpoints the worker has run. */
  runs: number;
  /** WAL frames it copied into the database file. */
  frames: number;
}

export interface Checkpointer {
  /** Runs a checkpoint now and answers the totals so far (null once the worker is gone). */
  stats(): Promise<CheckpointStats | null>;
  stop(): Promise<void>;
}

const FALLBACK_AUTOCHECKPOINT = 'wal_autocheckpoint = 64';

export function startCheckpointer(sqlite: SQLite.Database, path: string, intervalMs = 1000): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path, intervalMs },
  });
  let alive = true;
  const waiting: Array<(s: CheckpointStats | null) => void> = [];
  const fallBack = () => {
    if (!alive) return;
    alive = false;
    if (sqlite.open) sqlite.pragma(FALLBACK_AUTOCHECKPOINT);
    for (const w of waiting.splice(0)) w(null);
  };
  worker.on('message', (msg: { type: string; runs?: number; frames?: number; message?: string }) => {
    if (msg.type === 'ready' && alive && sqlite.open) sqlite.pragma('wal_autocheckpoint = 0');
    else if (msg.type === 'stats') waiting.shift()?.({ runs: msg.runs ?? 0, frames: msg.frames ?? 0 });
    else if (msg.type === 'error') process.emitWarning(`SQLite checkpoint worker: ${msg.message}`);
  });
  worker.on('error', (err) => {
    process.emitWarning(`SQLite checkpoint worker stopped: ${err.message}; checkpoints run on the main thread again`);
    fallBack();
  });
  worker.on('exit', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // The worker never keeps the process alive (listeners re-ref it: unref after adding them).
  worker.unref();
  return {
    stats() {
      if (!alive) return Promise.resolve(null);
      return new Promise((resolve) => {
        waiting.push(resolve);
        worker.postMessage('stats');
      });
    },
    async stop() {
      if (!alive) return;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
