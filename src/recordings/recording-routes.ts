import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import { IdParams, Nullable, One, Timestamp } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { carrierAudio, deleteCarrierRecording, gatewayAudio } from './recording-download.js';
import { RecordingLinks } from './recording-links.js';
import { findRecordingById, updateRecording } from './recording-repository.js';
import { deleteRecording, drainRecordings, getRecordingLink, type RecordingDeps } from './recording-service.js';

// GET/DELETE /v1/calls/{id}/recording, and the signed download link they hand out
// (/v1/recordings/{id}/audio?expires&signature), which needs no API key: the signature is the
// authorization, checked before anything is looked up.

const RecordingSchema = Type.Object(
  {
    url: Type.String({ description: 'Signed download link (no API key needed) until `expires_at`; takes `Range` requests.' }),
    format: Type.Literal('wav'),
    channels: Type.Integer({ description: '2: the caller on the left channel, the agent on the right.' }),
    duration_seconds: Nullable(Type.Number()),
    size_bytes: Nullable(Type.Integer({ description: 'Null for a relay call\'s recording (Twilio holds the file) until it was first downloaded.' })),
    expires_at: Timestamp('When `url` stops working; ask again for a fresh one.'),
  },
  { $id: 'Recording', title: 'Recording' },
);
const Deleted = Type.Object({ call_id: Type.String(), deleted: Type.Literal(true) });

const Params = IdParams('call');
const AudioParams = IdParams('rec');
const AudioQuery = Type.Object({ expires: Type.Optional(Type.String({ maxLength: 20 })), signature: Type.Optional(Type.String({ maxLength: 100 })) });

export async function recordingRoutes(app: FastifyInstance, deps: RecordingDeps) {
  const links = new RecordingLinks(deps);
  app.addHook('onClose', async () => drainRecordings(deps.db));

  app.get<{ Params: Static<typeof Params> }>(
    '/calls/:id/recording',
    {
      config: { scope: 'calls:read' },
      schema: {
        tags: ['calls'],
        summary: "Get a link to the call's recording",
        description: 'A two-channel WAV (caller left, agent right) once the call has ended and the recording is ready (`call.recording.ready`). 404 when the call has none.',
        params: Params,
        response: { 200: One(RecordingSchema) },
      },
    },
    async (request) => ({ data: await getRecordingLink({ ...deps, links }, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.delete<{ Params: Static<typeof Params> }>(
    '/calls/:id/recording',
    {
      config: { scope: 'calls:write' },
      schema: { tags: ['calls'], summary: "Delete the call's recording", description: 'The file is deleted and every link to it stops working.', params: Params, response: { 200: One(Deleted) } },
    },
    async (request) => ({
      data: await deleteRecording(deps, authOf(request).scope, request.params.id, (sid) => deleteCarrierRecording(deps.config, sid)),
      request_id: request.id,
    }),
  );

  app.get<{ Params: Static<typeof AudioParams>; Querystring: Static<typeof AudioQuery> }>(
    '/recordings/:id/audio',
    { config: { scope: 'public' }, schema: { hide: true, params: AudioParams, querystring: AudioQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const verdict = await links.verify(id, request.query.expires, request.query.signature);
      if (verdict === 'expired') throw new ApiError('forbidden', 'This recording link has expired; get a fresh one with GET /v1/calls/{id}/recording.');
      if (verdict !== 'ok') throw new ApiError('forbidden', 'This recording link is not valid.');
      const row = await findRecordingById(deps.db, id);
      if (!row || row.status !== 'ready') throw new ApiError('not_found', 'No such recording.');
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      try {
        const audio = row.source === 'gateway' ? await gatewayAudio(deps.config, row, request.headers.range) : await carrierAudio(deps.config, row, request.headers.range, gone.signal);
        // Twilio's file size is learnt from its first whole download.
        const length = Number(audio.headers['content-length']);
        if (row.size_bytes === null && audio.status === 200 && Number.isSafeInteger(length)) {
          await updateRecording(deps.db, row.id, { size_bytes: length, updated_at: deps.clock.now().toISOString() });
        }
        return reply.code(audio.status).headers(audio.headers).send(audio.body);
      } catch (err) {
        const contentRange = (err as { contentRange?: string }).contentRange;
        if (contentRange) reply.header('content-range', contentRange);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('not_found', 'No such recording.');
        throw err;
      }
    },
  );
}
