import type { Executor } from '../db/database.js';
import type { AssetsTable } from '../db/schema-data.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';

// Call recordings (src/recordings/) appear as assets, linked to their call's contact. The asset
// row is written on read: before assets are listed or fetched, every recording of the workspace
// that became ready since is given its row (the unique recording_id makes two racing readers
// harmless), and the asset of a recording deleted since is archived. The recording stays the
// source of truth: its file, its signed link and its deletion are src/recordings' business.

const BATCH = 500;

export async function syncRecordingAssets(db: Executor, scope: Scope, at: Date): Promise<void> {
  const fresh = await db
    .selectFrom('recordings as r')
    .innerJoin('calls as c', 'c.id', 'r.call_id')
    .leftJoin('assets as a', 'a.recording_id', 'r.id')
    .select(['r.id as recording_id', 'r.call_id', 'r.size_bytes', 'r.ready_at', 'r.created_at', 'c.contact_id', 'c.from_number', 'c.to_number', 'c.direction'])
    .where('r.workspace_id', '=', scope.workspaceId)
    .where('r.mode', '=', scope.mode)
    .where('r.status', '=', 'ready')
    .where('a.id', 'is', null)
    .orderBy('r.created_at')
    .limit(BATCH)
    .execute();
  if (fresh.length > 0) {
    const iso = at.toISOString();
    const rows: AssetsTable[] = fresh.map((r) => ({
      id: newId('asset'),
      workspace_id: scope.workspaceId,
      mode: scope.mode,
      name: `Call recording ${r.from_number} → ${r.to_number}`,
      file_name: `${r.call_id}.wav`,
      description: `Two-channel recording of ${r.direction} call ${r.call_id} (caller left, agent right).`,
      asset_type: 'attachment',
      mime_type: 'audio/wav',
      status: 'available',
      source: 'call_recording',
      byte_size: r.size_bytes,
      checksum_sha256: null,
      uploaded_byte_size: null,
      uploaded_checksum_sha256: null,
      storage_path: null,
      related_resource_type: r.contact_id ? 'contact' : null,
      related_resource_id: r.contact_id,
      call_id: r.call_id,
      recording_id: r.recording_id,
      custom_fields: '{}',
      upload_expires_at: null,
      completed_at: r.ready_at ?? iso,
      archived_at: null,
      created_at: r.ready_at ?? r.created_at,
      updated_at: iso,
    }));
    await db.insertInto('assets').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }
  const gone = await db
    .selectFrom('assets as a')
    .innerJoin('recordings as r', 'r.id', 'a.recording_id')
    .select('a.id')
    .where('a.workspace_id', '=', scope.workspaceId)
    .where('a.mode', '=', scope.mode)
    .where('a.status', '=', 'available')
    .where('r.status', '=', 'deleted')
    .limit(BATCH)
    .execute();
  if (gone.length > 0) {
    const iso = at.toISOString();
    await db.updateTable('assets').set({ status: 'archived', archived_at: iso, updated_at: iso }).where('id', 'in', gone.map((g) => g.id)).where('status', '=', 'available').execute();
  }
}
