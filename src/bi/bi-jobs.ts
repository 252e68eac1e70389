import type { Static } from '@sinclair/typebox';
import type { AssetDeps } from '../assets/asset-service.js';
import { writeGeneratedAsset } from '../assets/asset-service.js';
import { insertAsset } from '../assets/asset-repository.js';
import type { BiExportsTable } from '../db/schema-data.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import { type Scope, scopeOf } from '../scope.js';
import * as repo from './bi-repository.js';
import { EXPORT_LIMIT, planRun, type RunSource } from './bi-run.js';
import type { CreateExportBody, ExportSchema } from './bi-schemas.js';
import { renderCsv, renderJson } from './export-file.js';

// Exports and scheduled artifacts: asynchronous jobs. An export is a row (`pending`) committed
// before anything runs; a worker claims it (`pending` → `running`, a conditional update, so one
// node runs it), runs its query, stores the file as an asset and marks it `succeeded` with the
// asset, emitting `bi.export.completed`, in one transaction. Scheduled artifacts are claimed the
// same way (next_run_at moved by a conditional update) and each run is an export.

export type ExportDto = Static<typeof ExportSchema>;
const SWEEP_MS = 15_000;
/** A `running` export older than this was cut by a crash and is run again. */
const STALE_RUNNING_MS = 10 * 60_000;

export class BiJobs {
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: AssetDeps) {}

  start(): void {
    this.stopped = false;
    void this.recover().catch((err: unknown) => this.deps.log.error({ err }, 'could not resume BI exports'));
    this.timer = setInterval(() => {
      this.runDue(this.deps.clock.now()).catch((err: unknown) => this.deps.log.error({ err }, 'BI schedule sweep failed'));
    }, SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  /** Waits for every export this process is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  kick(id: string): void {
    if (this.stopped) return;
    const job: Promise<void> = new Promise<void>((r) => setImmediate(r))
      .then(() => this.run(id))
      .catch((err: unknown) => this.deps.log.error({ err, export_id: id }, 'BI export failed unexpectedly'))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  async createExport(scope: Scope, input: Static<typeof CreateExportBody>, idempotency: IdempotencyHandle | null, extra: Record<string, unknown> = {}): Promise<ExportDto> {
    const at = this.deps.clock.now();
    const source: RunSource = { query: input.query, metric_id: input.metric_id, report_id: input.report_id, time: input.time };
    await planRun(this.deps.db, scope, source, at, EXPORT_LIMIT); // 4xx now, not a failed job later
    const iso = at.toISOString();
    const row: BiExportsTable = {
      id: newId('exp'), workspace_id: scope.workspaceId, mode: scope.mode, name: input.name ?? null, format: input.format, status: 'pending',
      query: JSON.stringify(source), source: JSON.stringify({ ...stripUndefined(source), ...extra }), row_count: null, asset_id: null, error: null,
      started_at: null, completed_at: null, created_at: iso, updated_at: iso,
    };
    const dto = await this.deps.db.transaction().execute(async (trx) => {
      await repo.insertExport(trx, row);
      const d = await this.dto(row);
      await idempotency?.saveInTx(trx, 202, d);
      return d;
    });
    this.kick(row.id);
    return dto;
  }

  async getExport(scope: Scope, id: string): Promise<ExportDto> {
    const row = await repo.findExport(this.deps.db, scope, id);
    if (!row) throw notFound('export');
    return this.dto(row);
  }

  async listExports(scope: Scope, page: PageRequest, f: { status?: BiExportsTable['status'] }): Promise<ExportDto[]> {
    return Promise.all((await repo.listExports(this.deps.db, scope, page, f)).map((r) => this.dto(r)));
  }

  private async dto(row: BiExportsTable): Promise<ExportDto> {
    let download: { url: string; expiresAt: Date } | null = null;
    if (row.status === 'succeeded' && row.asset_id) download = await this.deps.links.sign(row.asset_id, 'download');
    return {
      id: row.id, livemode: row.mode === 'live', name: row.name, format: row.format, status: row.status,
      source: JSON.parse(row.source) as Record<string, unknown>, row_count: row.row_count, asset_id: row.asset_id,
      download_url: download?.url ?? null, download_expires_at: download?.expiresAt.toISOString() ?? null,
      error: row.error, started_at: row.started_at, completed_at: row.completed_at, created_at: row.created_at, updated_at: row.updated_at,
    };
  }

  private async run(id: string): Promise<void> {
    const { db, clock } = this.deps;
    const startedAt = clock.now().toISOString();
    if (!(await repo.updateExportIf(db, id, ['pending'], { status: 'running', started_at: startedAt, updated_at: startedAt }))) return;
    const row = (await repo.findExportById(db, id))!;
    const scope = scopeOf(row);
    const source = JSON.parse(row.source) as { scheduled_artifact_id?: string };
    const artifactId = source.scheduled_artifact_id ?? null;
    try {
      const now = clock.now();
      const result = await (await planRun(db, scope, JSON.parse(row.query) as RunSource, now, EXPORT_LIMIT))();
      const data = Buffer.from(row.format === 'csv' ? renderCsv(result) : renderJson(result, now), 'utf8');
      const fileName = `${row.name?.replace(/[^\w.-]+/g, '-').slice(0, 80) || 'export'}-${row.id}.${row.format}`;
      const asset = await writeGeneratedAsset(this.deps, scope, { name: row.name ?? `BI export ${row.id}`, fileName, mimeType: row.format === 'csv' ? 'text/csv' : 'application/json', data, source: 'bi_export' }, now);
      await db.transaction().execute(async (trx) => {
        await insertAsset(trx, asset);
        const iso = now.toISOString();
        const ok = await repo.updateExportIf(trx, id, ['running'], { status: 'succeeded', row_count: result.row_count, asset_id: asset.id, completed_at: iso, updated_at: iso });
        if (!ok) return;
        await emitEvent(trx, scope, 'bi.export.completed', { id, format: row.format, row_count: result.row_count, asset_id: asset.id, scheduled_artifact_id: artifactId }, now);
        if (artifactId) await this.emitArtifactDone(trx, scope, artifactId, { export_id: id, status: 'succeeded', row_count: result.row_count, asset_id: asset.id }, now);
      });
    } catch (err) {
      const message = err instanceof ApiError ? err.message : 'The export could not be produced.';
      if (!(err instanceof ApiError)) this.deps.log.error({ err, export_id: id }, 'BI export failed');
      const now = clock.now();
      const iso = now.toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.updateExportIf(trx, id, ['running'], { status: 'failed', error: message, completed_at: iso, updated_at: iso }))) return;
        await emitEvent(trx, scope, 'bi.export.failed', { id, format: row.format, error: message, scheduled_artifact_id: artifactId }, now);
        if (artifactId) await this.emitArtifactDone(trx, scope, artifactId, { export_id: id, status: 'failed', row_count: null, asset_id: null }, now);
      });
    }
  }

  private async emitArtifactDone(trx: Parameters<typeof emitEvent>[0], scope: Scope, artifactId: string, data: Record<string, unknown>, at: Date): Promise<void> {
    const artifact = await repo.findObject(trx, scope, 'scheduled-artifacts', artifactId);
    const next = artifact?.next_run_at === null || artifact?.next_run_at === undefined ? null : new Date(Number(artifact.next_run_at)).toISOString();
    await emitEvent(trx, scope, 'bi.scheduled_artifact.completed', { scheduled_artifact_id: artifactId, ...data, next_run_at: next }, at);
  }

  /** At start: exports a crash left behind are run (again). */
  async recover(): Promise<void> {
    const now = this.deps.clock.now();
    for (const row of await repo.openExports(this.deps.db, 100)) {
      if (row.status === 'running') {
        if (!row.started_at || now.getTime() - Date.parse(row.started_at) < STALE_RUNNING_MS) continue;
        await repo.updateExportIf(this.deps.db, row.id, ['running'], { status: 'pending', updated_at: now.toISOString() });
      }
      this.kick(row.id);
    }
  }

  /**
   * Runs every scheduled artifact due by `now`: each claimed run (its next_run_at moved on by a
   * conditional update, so one node runs it) becomes an export. Missed runs are not replayed:
   * the next run is the first slot after now. Returns the exports made.
   */
  async runDue(now: Date): Promise<string[]> {
    const made: string[] = [];
    for (const a of await repo.dueArtifacts(this.deps.db, now.getTime(), 50)) {
      const def = JSON.parse(a.definition) as { artifact_type: 'report' | 'export'; report_id: string | null; export: RunSource | null; format: 'csv' | 'json'; every_minutes: number };
      const step = def.every_minutes * 60_000;
      const due = Number(a.next_run_at);
      const next = due + Math.max(1, Math.ceil((now.getTime() - due + 1) / step)) * step;
      if (!(await repo.claimRun(this.deps.db, a.id, due, next, now.toISOString()))) continue;
      const scope = scopeOf(a);
      const src: RunSource = def.artifact_type === 'report' ? { report_id: def.report_id! } : def.export!;
      try {
        const dto = await this.createExport(scope, { name: a.name, format: def.format, ...stripUndefined(src) } as Static<typeof CreateExportBody>, null, { scheduled_artifact_id: a.id });
        await repo.updateObject(this.deps.db, scope, a.id, { definition: JSON.stringify({ ...def, last_export_id: dto.id }) });
        made.push(dto.id);
      } catch (err) {
        // What it runs became invalid (an archived report...): the artifact is told, and waits for its next slot.
        this.deps.log.warn({ err, scheduled_artifact_id: a.id }, 'a scheduled BI artifact could not run');
        await this.deps.db.transaction().execute((trx) => this.emitArtifactDone(trx, scope, a.id, { export_id: null, status: 'failed', row_count: null, asset_id: null, error: (err as Error).message }, now));
      }
    }
    return made;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
