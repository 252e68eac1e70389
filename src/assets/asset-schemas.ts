import { Type } from '@sinclair/typebox';
import { CustomFieldQuery, CustomFields } from '../crm/custom-fields.js';
import { Nullable, Timestamp } from '../http/envelope.js';
import { IdRef, StringEnum } from '../support/support-schemas.js';

export const ASSET_TYPES = ['document', 'image', 'video', 'attachment'] as const;
export const ASSET_STATUSES = ['upload_pending', 'available', 'archived'] as const;
/** What an asset can be linked to (seed 003); call recordings are linked to their call's contact. */
export const ASSET_RELATED_TYPES = ['lead', 'contact', 'company', 'deal', 'task', 'cms_entry', 'invoice', 'marketing_campaign', 'marketing_post'] as const;
export const ASSET_SOURCES = ['upload', 'call_recording', 'bi_export'] as const;

const AssetType = StringEnum(ASSET_TYPES);
const Status = StringEnum(ASSET_STATUSES, { description: '`upload_pending` until `complete` confirmed the file; `archived` assets are no longer served.' });
const RelatedType = StringEnum(ASSET_RELATED_TYPES);
const MimeType = Type.String({ minLength: 3, maxLength: 255, pattern: '^[\\w.+-]+/[\\w.+-]+$', description: 'e.g. `image/png`; the download is served with it.' });
const FileName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f]+$', description: 'The name downloads are saved as (no slashes).' });

export const CreateAssetBody = Type.Object(
  {
    asset_type: AssetType,
    file_name: FileName,
    mime_type: MimeType,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Defaults to `file_name`.' })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    related_resource_type: Type.Optional(RelatedType),
    related_resource_id: Type.Optional(IdRef('The linked resource; it must exist in the workspace (404 otherwise).')),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const CompleteAssetBody = Type.Object(
  {
    byte_size: Type.Integer({ minimum: 0, description: 'The size of the file you uploaded; 422 when it is not what the gateway received.' }),
    checksum_sha256: Type.String({ minLength: 1, maxLength: 128, description: 'Hex SHA-256 of the file you uploaded; 422 when it does not match.' }),
  },
  { additionalProperties: false },
);

export const AssetSchema = Type.Object(
  {
    id: Type.String({ description: '`asset_` id.' }),
    livemode: Type.Boolean(),
    name: Type.String(),
    file_name: Type.String(),
    description: Nullable(Type.String()),
    asset_type: AssetType,
    mime_type: Type.String(),
    status: Status,
    source: StringEnum(ASSET_SOURCES, { description: '`upload`: through `upload_url`; `call_recording`: a call\'s recording (read-only); `bi_export`: a BI export file.' }),
    byte_size: Nullable(Type.Integer({ description: 'Confirmed by `complete` (a recording: its size once known).' })),
    checksum_sha256: Nullable(Type.String()),
    related_resource_type: Nullable(Type.String()),
    related_resource_id: Nullable(Type.String()),
    call_id: Nullable(Type.String({ description: 'Call recordings: the call.' })),
    custom_fields: Type.Record(Type.String(), Type.String()),
    upload_url: Type.Optional(Type.String({ description: 'Only when created: PUT the file\'s bytes here (no API key; the link is signed) until `upload_expires_at`.' })),
    upload_expires_at: Nullable(Timestamp()),
    download_url: Type.Optional(Nullable(Type.String({ description: 'GET one asset: a signed link (no API key) until `download_expires_at`; null until available and once archived.' }))),
    download_expires_at: Type.Optional(Nullable(Timestamp())),
    completed_at: Nullable(Timestamp()),
    archived_at: Nullable(Timestamp()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Asset', title: 'Asset' },
);

export const ListAssetsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of name, file name, description or MIME type.' })),
  asset_type: Type.Optional(AssetType),
  status: Type.Optional(Status),
  related_resource_type: Type.Optional(RelatedType),
  related_resource_id: Type.Optional(IdRef('Assets linked to this resource.')),
  call_id: Type.Optional(IdRef('The recording of this call.')),
  ...CustomFieldQuery,
};

export const AssetParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'An `asset_` id.' }) });
export const LinkQuery = Type.Object({ expires: Type.Optional(Type.String({ maxLength: 20 })), signature: Type.Optional(Type.String({ maxLength: 100 })) });
