import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import { List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { parseRange } from '../recordings/recording-download.js';
import { RecordingLinks } from '../recordings/recording-links.js';
import type { CrmDeps } from '../crm/crm-deps.js';
import { AssetLinks } from './asset-links.js';
import { findAssetById } from './asset-repository.js';
import { AssetParams, AssetSchema, CompleteAssetBody, CreateAssetBody, LinkQuery, ListAssetsQuery } from './asset-schemas.js';
import * as service from './asset-service.js';
import { AssetStorage } from './asset-storage.js';
import { S3AssetStorage } from './s3-storage.js';

// /v1/assets (seed 003 "Assets"), and the two signed links they hand out, which need no API key:
// PUT /v1/assets/{id}/upload (the file's bytes) and GET /v1/assets/{id}/content (the download).
// The signature is their authorization and is checked before anything is read or looked up.

const ListQuery = Type.Object({ ...PageQuery, ...ListAssetsQuery });
type P = { Params: Static<typeof AssetParams> };
const tags = ['assets'];
const Uploaded = Type.Object({ id: Type.String(), byte_size: Type.Integer(), checksum_sha256: Type.String() });

export function assetDepsOf(deps: CrmDeps): service.AssetDeps {
  const local = new AssetStorage(deps.config.assets.dir);
  const s3 = deps.config.assets.s3;
  return { ...deps, storage: s3 ? new S3AssetStorage(s3, local, deps.clock) : local, links: new AssetLinks(deps), recordingLinks: new RecordingLinks(deps) };
}

export async function assetRoutes(app: FastifyInstance, crm: CrmDeps & { assets?: service.AssetDeps }): Promise<void> {
  const deps = crm.assets ?? assetDepsOf(crm);

  app.post<{ Body: Static<typeof CreateAssetBody> }>(
    '/assets',
    {
      config: { scope: 'assets:write' },
      schema: {
        tags,
        summary: 'Create an asset upload intent',
        description: 'Makes an asset `upload_pending` and returns `upload_url`: PUT the file\'s bytes there (any Content-Type, no API key) before `upload_expires_at`, then call `complete` with its size and SHA-256. A `related_resource_type/id` must exist in the workspace.',
        body: CreateAssetBody,
        response: { 201: One(AssetSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await service.createUploadIntent(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/assets',
    {
      config: { scope: 'assets:read' },
      schema: { tags, summary: 'Search assets, newest first', description: 'Call recordings are listed too (`source: call_recording`), linked to their call\'s contact.', querystring: ListQuery, response: { 200: List(AssetSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await service.listAssets(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/assets/:id',
    {
      config: { scope: 'assets:read' },
      schema: { tags, summary: 'Get an asset and its download URL', description: '`download_url` is signed and expires at `download_expires_at`; ask again for a fresh one. Null until the upload is complete and once archived.', params: AssetParams, response: { 200: One(AssetSchema) } },
    },
    async (request) => ({ data: await service.getAsset(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.delete<P>(
    '/assets/:id',
    {
      config: { scope: 'assets:write' },
      schema: { tags, summary: 'Archive an asset', description: 'Idempotent. The asset is kept, no longer served; its links stop working. Emits `asset.archived`.', params: AssetParams, response: { 200: One(AssetSchema) } },
    },
    async (request) => ({ data: await service.archiveAsset(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P & { Body: Static<typeof CompleteAssetBody> }>(
    '/assets/:id/complete',
    {
      config: { scope: 'assets:write' },
      schema: {
        tags,
        summary: 'Complete an asset upload',
        description: '`byte_size` and `checksum_sha256` must be what the upload URL received (422 naming the field that differs, nothing changes). Then the asset is `available`; emits `asset.available`.',
        params: AssetParams,
        body: CompleteAssetBody,
        response: { 200: One(AssetSchema) },
      },
    },
    async (request) => ({ data: await service.completeUpload(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<P & { Querystring: Static<typeof LinkQuery> }>(
    '/assets/:id/content',
    { config: { scope: 'public' }, schema: { hide: true, params: AssetParams, querystring: LinkQuery } },
    async (request, reply) => {
      const { id } = request.params;
      await refuseBadLink(deps, id, 'download', request.query);
      const row = await findAssetById(deps.db, id);
      if (!row || row.status !== 'available' || !row.storage_path) throw new ApiError('not_found', 'No such asset.');
      const size = await deps.storage.size(row.storage_path);
      const range = parseRange(request.headers.range, size);
      if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
      // The type is the uploader's word: always a download, never rendered or sniffed on our origin.
      reply.header('content-type', row.mime_type).header('accept-ranges', 'bytes').header('x-content-type-options', 'nosniff').header('content-security-policy', "sandbox; default-src 'none'")
        .header('content-disposition', `attachment; filename="${row.file_name.replace(/["\\\r\n]/g, '_')}"`);
      if (!range) return reply.header('content-length', String(size)).send(await deps.storage.read(row.storage_path));
      return reply.code(206).header('content-length', String(range.end - range.start + 1)).header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .send(await deps.storage.read(row.storage_path, range));
    },
  );

  // The upload takes any Content-Type and is streamed to storage, never parsed: its own scope
  // with one catch-all parser that leaves the body unread for the handler.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    raw.put<P & { Querystring: Static<typeof LinkQuery> }>(
      '/assets/:id/upload',
      { config: { scope: 'public' }, schema: { hide: true, params: AssetParams, querystring: LinkQuery, response: { 200: One(Uploaded) } } },
      async (request) => {
        await refuseBadLink(deps, request.params.id, 'upload', request.query);
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > deps.config.assets.maxBytes) {
          throw new ApiError('bad_request', `The upload is larger than the ${deps.config.assets.maxBytes} bytes an asset may hold.`, [{ field: '(body)', error: 'too_large', max_bytes: deps.config.assets.maxBytes }]);
        }
        return { data: await service.receiveUpload(deps, request.params.id, request.raw), request_id: request.id };
      },
    );
  });
}

async function refuseBadLink(deps: service.AssetDeps, id: string, purpose: 'upload' | 'download', q: Static<typeof LinkQuery>): Promise<void> {
  const verdict = await deps.links.verify(id, purpose, q.expires, q.signature);
  const again = purpose === 'upload' ? 'create a new upload intent' : 'get a fresh link with GET /v1/assets/{id}';
  if (verdict === 'expired') throw new ApiError('forbidden', `This asset ${purpose} link has expired; ${again}.`);
  if (verdict !== 'ok') throw new ApiError('forbidden', `This asset ${purpose} link is not valid.`);
}
