import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { applySmsStatus, receiveSms, type SmsDeps } from '../../sms/sms-service.js';
import { findSmsByCarrierSid, recordSmsCallback } from '../../sms/sms-repository.js';
import { twilioSignatureGuard } from './signature.js';
import * as twiml from './twiml.js';
import { NUM_SEGMENTS, readCarrierInt, readErrorCode, readErrorMessage } from './carrier-values.js';

// Twilio's messaging webhooks (carrier-protocols.md §4): inbound SMS and delivery reports, both
// signature-checked and idempotent. Agent replies go out through the REST API afterwards, so a
// slow agent never holds Twilio's request open.

type Params = Record<string, string>;

export async function twilioSmsRoutes(app: FastifyInstance, deps: SmsDeps) {
  await app.register(formbody);

  const signed = twilioSignatureGuard(deps.config.publicUrl, deps.config.twilio.authToken);

  app.post('/carrier/twilio/sms', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    // We count segments ourselves (and bill by that count); Twilio's NumSegments is only checked.
    readCarrierInt(p, NUM_SEGMENTS, { log: request.log, ids: { message_sid: p.MessageSid ?? p.SmsSid } });
    const result = await receiveSms(deps, { mode: 'live', carrier: 'twilio', carrierSid: p.MessageSid ?? p.SmsSid ?? '', from: p.From ?? '', to: p.To ?? '', body: p.Body ?? '' });
    return reply.type('text/xml').send(result.keywordReply ? twiml.messageReply(result.keywordReply) : twiml.empty());
  });

  app.post('/carrier/twilio/sms-status', { config: { scope: 'carrier' }, preHandler: signed }, async (request, reply) => {
    const p = request.body as Params;
    const sid = p.MessageSid ?? p.SmsSid ?? '';
    const status = p.MessageStatus ?? p.SmsStatus ?? '';
    if (!(await recordSmsCallback(deps.db, sid, status, deps.clock.now().toISOString()))) return reply.code(204).send();
    // Our id rides in the callback URL, so a report that beats our own bookkeeping still lands.
    const id = (request.query as Params).sms_id ?? (await findSmsByCarrierSid(deps.db, 'twilio', sid))?.id;
    const values = { log: request.log, ids: { sms_id: id, message_sid: sid } };
    readCarrierInt(p, NUM_SEGMENTS, values);
    if (id) await applySmsStatus(deps, id, status, readErrorCode(p, values), readErrorMessage(p));
    return reply.code(204).send();
  });
}
