import { stat, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { MediaSender } from '../carriers/twilio/media-sender.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { CallsTable, NumbersTable, RecordingsTable } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import { newId } from '../ids.js';
import { type Scope, scopeOf } from '../scope.js';
import { CallRecorder } from './call-recorder.js';
import type { RecordingLinks } from './recording-links.js';
import * as repo from './recording-repository.js';
import { CHANNELS, repairWav, SAMPLE_RATE, WavFileWriter } from './wav-file.js';

// The rules of call recordings. `stream` and `realtime` calls are recorded by the gateway (a
// tap on the call's MediaSender writes a two-channel WAV, see call-recorder.ts); `relay` calls
// by Twilio (twiml.ts starts it, recording-status-routes.ts stores what Twilio reports). A
// recording becomes `ready` — and `call.recording.ready` is emitted in the same transaction —
// once it can be fetched: the gateway's file finished (or repaired after a crash), Twilio's
// `completed` callback.

export interface RecordingDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}

/** Per database: recordings this process is writing, and the finishes still running. */
const live = new WeakMap<Db, { writing: Set<string>; finishing: Set<Promise<void>> }>();
const liveOf = (db: Db) => {
  let l = live.get(db);
  if (!l) live.set(db, (l = { writing: new Set(), finishing: new Set() }));
  return l;
};

/** The call's own choice, else its number's. */
export function recordingWanted(call: Pick<CallsTable, 'recording'>, number: Pick<NumbersTable, 'recording'>): boolean {
  const own = call.recording;
  return own === null || own === undefined ? (number.recording ?? 0) === 1 : own === 1;
}

/** The file of a gateway recording; refuses a stored path that would leave the directory. */
export function recordingFile(config: Config, rel: string): string {
  const root = resolve(config.recordings.dir);
  const abs = resolve(root, rel);
  if (!abs.startsWith(root + sep)) throw new Error(`recording path outside the recordings directory: ${rel}`);
  return abs;
}

/**
 * Records a Media Streams call when its number or the call asks for it: the row first (so a
 * crash leaves something to repair), then the tap. Call it right after the leg is built, before
 * the session speaks, so the greeting is in the file. A recording that cannot start is logged;
 * the call goes on without it.
 */
export async function attachRecorder(deps: RecordingDeps, call: CallsTable, number: NumbersTable, sender: MediaSender): Promise<void> {
  if (!recordingWanted(call, number)) return;
  try {
    await startGatewayRecording(deps, call, sender);
  } catch (err) {
    deps.log.error({ err, call_id: call.id }, 'could not start recording a call; it goes on unrecorded');
  }
}

async function startGatewayRecording(deps: RecordingDeps, call: CallsTable, sender: MediaSender): Promise<void> {
  const at = deps.clock.now().toISOString();
  const id = newId('rec');
  const path = join(call.workspace_id, `${id}.wav`);
  const row: RecordingsTable = {
    id, call_id: call.id, workspace_id: call.workspace_id, mode: call.mode, source: 'gateway', status: 'recording',
    path, carrier_sid: null, carrier_url: null, format: 'wav', channels: CHANNELS, sample_rate: SAMPLE_RATE,
    duration_seconds: null, size_bytes: null, error: null, created_at: at, updated_at: at, ready_at: null, deleted_at: null,
  };
  await repo.insertRecording(deps.db, row);
  const l = liveOf(deps.db);
  l.writing.add(id);
  const writer = new WavFileWriter(recordingFile(deps.config, path));
  const recorder = new CallRecorder({
    sink: writer,
    onClose: () => {
      const done = finishGatewayRecording(deps, row, writer)
        .catch((err: unknown) => deps.log.error({ err, call_id: call.id, recording_id: id }, 'could not finish a call recording'))
        .finally(() => {
          l.writing.delete(id);
          l.finishing.delete(done);
        });
      l.finishing.add(done);
    },
  });
  sender.setTap(recorder);
}

async function finishGatewayRecording(deps: RecordingDeps, row: RecordingsTable, writer: WavFileWriter): Promise<void> {
  let result;
  try {
    result = await writer.finish();
  } catch (err) {
    // A write failed (disk full...): keep what reached the disk, as after a crash.
    deps.log.error({ err, call_id: row.call_id, recording_id: row.id }, 'a call recording could not be written completely');
    result = await repairWav(writer.path).catch(() => null);
    if (!result || result.dataBytes === 0) {
      await repo.updateRecording(deps.db, row.id, { status: 'failed', error: 'write_failed', updated_at: deps.clock.now().toISOString() });
      return;
    }
  }
  await markReady(deps, row, { durationSeconds: result.durationSeconds, sizeBytes: result.sizeBytes });
}

async function markReady(deps: RecordingDeps, row: RecordingsTable, r: { durationSeconds: number | null; sizeBytes: number | null }): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateRecording(trx, row.id, { status: 'ready', duration_seconds: r.durationSeconds, size_bytes: r.sizeBytes, ready_at: at.toISOString(), updated_at: at.toISOString() });
    await emitEvent(trx, scopeOf(row), 'call.recording.ready', {
      call_id: row.call_id,
      recording: { source: row.source, format: row.format, channels: row.channels, duration_seconds: r.durationSeconds, size_bytes: r.sizeBytes },
    }, at);
  });
}

/** Waits for recordings being finished (shutdown, tests). */
export async function drainRecordings(db: Db): Promise<void> {
  const l = live.get(db);
  while (l && l.finishing.size > 0) await Promise.allSettled([...l.finishing]);
}

/**
 * After a crash: every gateway recording left `recording` that this process is not writing is
 * made a valid file of what reached the disk and becomes ready (or failed, when no file is left).
 */
export async function recoverInterruptedRecordings(deps: RecordingDeps, onlyCalls?: ReadonlySet<string>): Promise<number> {
  const writing = live.get(deps.db)?.writing ?? new Set<string>();
  let recovered = 0;
  for (const row of await repo.listOpenGatewayRecordings(deps.db)) {
    if (writing.has(row.id) || !row.path) continue;
    // Several nodes: another node may be writing this one; only recovered calls' recordings are closed.
    if (onlyCalls && !onlyCalls.has(row.call_id)) continue;
    try {
      let result;
      try {
        result = await repairWav(recordingFile(deps.config, row.path));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        await repo.updateRecording(deps.db, row.id, { status: 'failed', error: 'file_missing', updated_at: deps.clock.now().toISOString() });
        continue;
      }
      await markReady(deps, row, { durationSeconds: result.durationSeconds, sizeBytes: result.sizeBytes });
      recovered++;
    } catch (err) {
      deps.log.error({ err, recording_id: row.id, call_id: row.call_id }, 'could not recover an interrupted call recording');
    }
  }
  return recovered;
}

/** What Twilio reports in a recording status callback (carrier-protocols.md §4). */
export interface CarrierRecordingReport {
  recordingSid: string;
  status: string;
  url: string | null;
  durationSeconds: number | null;
  channels: number | null;
}

/** Stores Twilio's recording of a relay call; idempotent on the RecordingSid. */
export async function applyCarrierRecording(deps: RecordingDeps, call: CallsTable, report: CarrierRecordingReport): Promise<'stored' | 'duplicate' | 'ignored'> {
  if (report.status !== 'completed' && report.status !== 'absent' && report.status !== 'failed') return 'ignored';
  const existing = await repo.findRecordingByCarrierSid(deps.db, report.recordingSid);
  if (existing) return 'duplicate';
  const at = deps.clock.now().toISOString();
  const ok = report.status === 'completed';
  const row: RecordingsTable = {
    id: newId('rec'), call_id: call.id, workspace_id: call.workspace_id, mode: call.mode, source: 'twilio', status: ok ? 'recording' : 'failed',
    path: null, carrier_sid: report.recordingSid, carrier_url: report.url, format: 'wav', channels: report.channels ?? CHANNELS, sample_rate: SAMPLE_RATE,
    duration_seconds: report.durationSeconds, size_bytes: null, error: ok ? null : report.status, created_at: at, updated_at: at, ready_at: null, deleted_at: null,
  };
  try {
    await repo.insertRecording(deps.db, row);
  } catch (err) {
    // Two copies of one callback racing: the unique RecordingSid let one in.
    if (await repo.findRecordingByCarrierSid(deps.db, report.recordingSid)) return 'duplicate';
    throw err;
  }
  if (ok) await markReady(deps, row, { durationSeconds: report.durationSeconds, sizeBytes: null });
  return 'stored';
}

export interface RecordingDto {
  url: string;
  format: 'wav';
  channels: number;
  duration_seconds: number | null;
  size_bytes: number | null;
  expires_at: string;
}

async function readyRecording(deps: Pick<RecordingDeps, 'db'>, scope: Scope, callId: string): Promise<RecordingsTable> {
  const call = await deps.db.selectFrom('calls').select('id').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const row = await repo.findCallRecording(deps.db, scope, callId);
  if (!row || row.status === 'failed') throw new ApiError('not_found', 'This call has no recording.');
  if (row.status === 'recording') throw new ApiError('not_found', 'This call is still being recorded; the recording can be fetched once the call has ended (event call.recording.ready).');
  return row;
}

export async function getRecordingLink(deps: RecordingDeps & { links: RecordingLinks }, scope: Scope, callId: string): Promise<RecordingDto> {
  const row = await readyRecording(deps, scope, callId);
  const link = await deps.links.sign(row.id);
  return { url: link.url, format: row.format, channels: row.channels, duration_seconds: row.duration_seconds, size_bytes: row.size_bytes, expires_at: link.expiresAt.toISOString() };
}

/**
 * Deletes a call's recording: the row is marked first (every link stops working at once), then
 * the file is removed; a relay call's recording is also deleted at Twilio.
 */
export async function deleteRecording(deps: RecordingDeps, scope: Scope, callId: string, carrierDelete: (sid: string) => Promise<void>): Promise<{ call_id: string; deleted: true }> {
  const row = await readyRecording(deps, scope, callId);
  const at = deps.clock.now().toISOString();
  await repo.updateRecording(deps.db, row.id, { status: 'deleted', deleted_at: at, updated_at: at });
  if (row.source === 'gateway' && row.path) {
    await unlink(recordingFile(deps.config, row.path)).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') deps.log.error({ err, recording_id: row.id }, 'could not delete a recording file');
    });
  } else if (row.carrier_sid) {
    await carrierDelete(row.carrier_sid).catch((err: unknown) => deps.log.warn({ err, recording_id: row.id }, 'Twilio did not delete a recording; it is no longer served'));
  }
  return { call_id: callId, deleted: true };
}

/** The size of a gateway file (a repaired or finished file has one; used when the row has none). */
export async function fileSize(config: Config, rel: string): Promise<number> {
  return (await stat(recordingFile(config, rel))).size;
}
