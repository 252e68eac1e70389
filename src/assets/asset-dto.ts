import type { Static } from '@sinclair/typebox';
import type { AssetsTable } from '../db/schema-data.js';
import { parseFields } from '../support/support-schemas.js';
import type { AssetSchema } from './asset-schemas.js';

export type AssetDto = Static<typeof AssetSchema>;

export function assetDto(row: AssetsTable): AssetDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    name: row.name,
    file_name: row.file_name,
    description: row.description,
    asset_type: row.asset_type,
    mime_type: row.mime_type,
    status: row.status,
    source: row.source as AssetDto['source'],
    byte_size: row.byte_size === null ? null : Number(row.byte_size),
    checksum_sha256: row.checksum_sha256,
    related_resource_type: row.related_resource_type,
    related_resource_id: row.related_resource_id,
    call_id: row.call_id,
    custom_fields: parseFields(row.custom_fields),
    upload_expires_at: row.status === 'upload_pending' ? row.upload_expires_at : null,
    completed_at: row.completed_at,
    archived_at: row.archived_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
