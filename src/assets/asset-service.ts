import type { Readable } from 'node:stream';
import type { Static } from '@sinclair/typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AssetsTable } from '../db/schema-data.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import type { RecordingLinks } from '../recordings/recording-links.js';
import type { Scope } from '../scope.js';
import { type AssetDto, assetDto } from './asset-dto.js';
import type { AssetLinks } from './asset-links.js';
import * as repo from './asset-repository.js';
import type { CompleteAssetBody, CreateAssetBody } from './asset-schemas.js';
import { type AssetStore, storagePathOf } from './asset-storage.js';
import { syncRecordingAssets } from './recording-assets.js';
import { requireAssetRelated, tablesOf } from './related-resources.js';

// The life of an asset: an upload intent (a row `upload_pending` and a signed PUT link), the
// bytes PUT to the gateway (size and SHA-256 computed as they arrive), `complete` checking the
// client's size and checksum against them (422 on a mismatch, nothing changes), then
// `available` with signed download links, until archived.

export interface AssetDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  storage: AssetStore;
  links: AssetLinks;
  recordingLinks: RecordingLinks;
}

export type CreateAssetInput = Static<typeof CreateAssetBody>;
export type CompleteAssetInput = Static<typeof CompleteAssetBody>;

export async function createUploadIntent(deps: AssetDeps, scope: Scope, input: CreateAssetInput, idempotency: IdempotencyHandle | null): Promise<AssetDto> {
  const at = deps.clock.now();
  const id = newId('asset');
  const link = await deps.links.sign(id, 'upload');
  const tables = await tablesOf(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    await requireAssetRelated(tables, trx, scope, input.related_resource_type, input.related_resource_id);
    const iso = at.toISOString();
    const row: AssetsTable = {
      id, workspace_id: scope.workspaceId, mode: scope.mode,
      name: input.name ?? input.file_name, file_name: input.file_name, description: input.description ?? null,
      asset_type: input.asset_type, mime_type: input.mime_type.toLowerCase(), status: 'upload_pending', source: 'upload',
      byte_size: null, checksum_sha256: null, uploaded_byte_size: null, uploaded_checksum_sha256: null,
      storage_path: storagePathOf(scope.workspaceId, id),
      related_resource_type: input.related_resource_type ?? null, related_resource_id: input.related_resource_id ?? null,
      call_id: null, recording_id: null, custom_fields: JSON.stringify(input.custom_fields ?? {}),
      upload_expires_at: link.expiresAt.toISOString(), completed_at: null, archived_at: null, created_at: iso, updated_at: iso,
    };
    await repo.insertAsset(trx, row);
    const dto: AssetDto = { ...assetDto(row), upload_url: link.url };
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

/**
 * The PUT behind an upload link (already verified): streams the body to storage. Allowed while
 * the asset waits for `complete`; a second PUT replaces the first file.
 */
export async function receiveUpload(deps: AssetDeps, assetId: string, body: Readable): Promise<{ id: string; byte_size: number; checksum_sha256: string }> {
  const row = await repo.findAssetById(deps.db, assetId);
  if (!row || row.source !== 'upload' || !row.storage_path) throw notFound('asset');
  if (row.status !== 'upload_pending') throw new ApiError('conflict', `This asset is ${row.status}; its upload link no longer takes files.`);
  let stored;
  try {
    stored = await deps.storage.write(row.storage_path, body, deps.config.assets.maxBytes);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // The client went away or the body was cut short: nothing is kept, the link can be used again.
    if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || (err as Error).message === 'aborted') {
      throw new ApiError('bad_request', 'The upload was interrupted before the whole file arrived; PUT it again.', [{ field: '(body)', error: 'incomplete' }]);
    }
    throw err;
  }
  const ok = await repo.updateAssetIf(deps.db, row.id, 'upload_pending', {
    uploaded_byte_size: stored.byteSize,
    uploaded_checksum_sha256: stored.checksumSha256,
    updated_at: deps.clock.now().toISOString(),
  });
  if (!ok) throw new ApiError('conflict', 'This asset was completed or archived while the file arrived.');
  return { id: row.id, byte_size: stored.byteSize, checksum_sha256: stored.checksumSha256 };
}

export async function completeUpload(deps: AssetDeps, scope: Scope, id: string, input: CompleteAssetInput, idempotency: IdempotencyHandle | null): Promise<AssetDto> {
  const row = await repo.findAsset(deps.db, scope, id);
  if (!row) throw notFound('asset');
  if (row.status !== 'upload_pending') {
    if (row.status === 'available' && Number(row.byte_size) === input.byte_size && row.checksum_sha256 === input.checksum_sha256.toLowerCase()) return assetDto(row);
    throw new ApiError('conflict', `This asset is already ${row.status}.`);
  }
  if (row.uploaded_byte_size === null || row.uploaded_checksum_sha256 === null) {
    throw new ApiError('validation_error', 'Nothing was uploaded yet: PUT the file to the upload_url first.', [{ field: '(body)', error: 'upload_missing' }]);
  }
  const details = [];
  if (Number(row.uploaded_byte_size) !== input.byte_size) details.push({ field: 'byte_size', error: 'mismatch', received: input.byte_size, expected: Number(row.uploaded_byte_size) });
  if (row.uploaded_checksum_sha256 !== input.checksum_sha256.toLowerCase()) details.push({ field: 'checksum_sha256', error: 'mismatch', received: input.checksum_sha256, expected: row.uploaded_checksum_sha256 });
  if (details.length > 0) {
    throw new ApiError('validation_error', `The uploaded file does not match: ${details.map((d) => d.field).join(' and ')} differ${details.length === 1 ? 's' : ''}.`, details);
  }
  const at = deps.clock.now();
  const iso = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const changes = { status: 'available' as const, byte_size: input.byte_size, checksum_sha256: row.uploaded_checksum_sha256, completed_at: iso, updated_at: iso };
    // Conditional on the row still holding the file we checked: a PUT racing in between loses.
    const res = await trx.updateTable('assets').set(changes).where('id', '=', row.id).where('status', '=', 'upload_pending')
      .where('uploaded_checksum_sha256', '=', row.uploaded_checksum_sha256).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The asset changed while it was being completed; check it and retry.');
    const dto = assetDto({ ...row, ...changes });
    await emitEvent(trx, scope, 'asset.available', { ...dto }, at);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** One asset with a fresh download link (when it can be downloaded). */
export async function getAsset(deps: AssetDeps, scope: Scope, id: string): Promise<AssetDto> {
  await syncRecordingAssets(deps.db, scope, deps.clock.now());
  const row = await repo.findAsset(deps.db, scope, id);
  if (!row) throw notFound('asset');
  return withDownload(deps, row);
}

export async function withDownload(deps: Pick<AssetDeps, 'links' | 'recordingLinks'>, row: AssetsTable): Promise<AssetDto> {
  const dto = assetDto(row);
  if (row.status === 'upload_pending') {
    // A fresh upload link, for a client whose first one expired before the file was sent.
    const upload = await deps.links.sign(row.id, 'upload');
    return { ...dto, upload_url: upload.url, upload_expires_at: upload.expiresAt.toISOString(), download_url: null, download_expires_at: null };
  }
  if (row.status !== 'available') return { ...dto, download_url: null, download_expires_at: null };
  const link = row.recording_id ? await deps.recordingLinks.sign(row.recording_id) : await deps.links.sign(row.id, 'download');
  return { ...dto, download_url: link.url, download_expires_at: link.expiresAt.toISOString() };
}

export async function listAssets(deps: AssetDeps, scope: Scope, page: PageRequest, filter: repo.AssetFilter): Promise<AssetDto[]> {
  await syncRecordingAssets(deps.db, scope, deps.clock.now());
  return (await repo.listAssets(deps.db, scope, page, filter)).map(assetDto);
}

/** Archiving is idempotent; the file is kept but no longer served. */
export async function archiveAsset(deps: AssetDeps, scope: Scope, id: string): Promise<AssetDto> {
  await syncRecordingAssets(deps.db, scope, deps.clock.now());
  const row = await repo.findAsset(deps.db, scope, id);
  if (!row) throw notFound('asset');
  if (row.status === 'archived') return assetDto(row);
  const at = deps.clock.now();
  const iso = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const changes = { status: 'archived' as const, archived_at: iso, updated_at: iso };
    if (!(await repo.updateAssetIf(trx, row.id, row.status, changes))) {
      const now = await repo.findAsset(trx, scope, id);
      if (now?.status === 'archived') return assetDto(now);
      throw new ApiError('conflict', 'The asset changed while it was being archived; retry.');
    }
    const dto = assetDto({ ...row, ...changes });
    await emitEvent(trx, scope, 'asset.archived', { ...dto }, at);
    return dto;
  });
}

/**
 * Writes a file the gateway itself made (a BI export) and returns its asset row, available, for
 * the caller to insert in its own transaction (insertAsset). The file is written first, outside
 * any transaction: a bucket upload must not hold the database.
 */
export async function writeGeneratedAsset(
  deps: Pick<AssetDeps, 'storage'>,
  scope: Scope,
  file: { name: string; fileName: string; mimeType: string; data: Buffer; source: 'bi_export' },
  at: Date,
): Promise<AssetsTable> {
  const id = newId('asset');
  const path = storagePathOf(scope.workspaceId, id);
  const stored = await deps.storage.writeBuffer(path, file.data);
  const iso = at.toISOString();
  return {
    id, workspace_id: scope.workspaceId, mode: scope.mode, name: file.name, file_name: file.fileName, description: null,
    asset_type: 'document', mime_type: file.mimeType, status: 'available', source: file.source,
    byte_size: stored.byteSize, checksum_sha256: stored.checksumSha256, uploaded_byte_size: stored.byteSize, uploaded_checksum_sha256: stored.checksumSha256,
    storage_path: path, related_resource_type: null, related_resource_id: null, call_id: null, recording_id: null, custom_fields: '{}',
    upload_expires_at: null, completed_at: iso, archived_at: null, created_at: iso, updated_at: iso,
  };
}
