import type { FastifyInstance } from 'fastify';
import * as calls from '../../calls/call-repository.js';
import { applyCarrierRecording, type RecordingDeps } from '../../recordings/recording-service.js';
import { twilioSignatureGuard } from './signature.js';

// Twilio's recording status callback for relay calls (carrier-protocols.md §4: RecordingSid,
// RecordingStatus, RecordingUrl, RecordingDuration, RecordingChannels), signature-checked like
// every carrier request and idempotent on the RecordingSid: a repeated callback changes nothing.

type Params = Record<string, string>;

const intOrNull = (v: string | undefined) => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : null);

export async function twilioRecordingRoutes(app: FastifyInstance, deps: RecordingDeps) {
  const signed = twilioSignatureGuard(deps.config.publicUrl, deps.config.twilio.authToken);

  app.post('/carrier/twilio/recording-status', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    const sid = p.RecordingSid ?? '';
    if (!/^RE[0-9a-fA-F]{32}$/.test(sid)) {
      request.log.warn({ recording_sid: sid }, 'recording callback without a RecordingSid');
      return reply.code(204).send();
    }
    // Our call id rides in the callback URL; the CallSid must agree with it.
    const byId = (request.query as Params).call_id;
    const call = byId ? await calls.findCallById(deps.db, byId) : p.CallSid ? await calls.findCallByCarrierSid(deps.db, 'twilio', p.CallSid) : undefined;
    if (!call || (p.CallSid && call.carrier_sid && call.carrier_sid !== p.CallSid)) {
      request.log.warn({ recording_sid: sid, call_sid: p.CallSid }, 'recording callback for an unknown call');
      return reply.code(204).send();
    }
    const result = await applyCarrierRecording(deps, call, {
      recordingSid: sid,
      status: p.RecordingStatus ?? '',
      url: p.RecordingUrl ?? null,
      durationSeconds: intOrNull(p.RecordingDuration),
      channels: intOrNull(p.RecordingChannels),
    });
    if (result === 'stored' && p.RecordingStatus !== 'completed') request.log.warn({ call_id: call.id, status: p.RecordingStatus, error: p.ErrorCode }, 'Twilio made no recording of a call');
    return reply.code(204).send();
  });
}
