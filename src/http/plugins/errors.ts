import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import { ApiError, type ErrorDetail, type ErrorCode, statusOf } from '../../errors.js';
import { describeValidation } from './validation.js';

// Every error leaves in one envelope: { error: { code, message, details? }, request_id }.
// Unknown errors become a generic 500 with the request id; the stack goes to the log only.

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
): FastifyReply {
  return reply
    .code(statusOf(code))
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message, ...(details ? { details } : {}) }, request_id: request.id }));
}

function fromFastifyError(err: FastifyError): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err.validation) {
    const part = err.validationContext ?? 'body';
    const { message, details } = describeValidation(err.validation as never, part);
    return new ApiError(part === 'body' ? 'validation_error' : 'bad_request', message, details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return new ApiError('unsupported_media_type', 'Send request bodies as JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('bad_request', 'Request body is too large.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'Request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('bad_request', 'Content-Length does not match the body.');
    default:
      break;
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode === 404 ? 'not_found' : 'bad_request', err.message);
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = fromFastifyError(err);
    if (known) {
      if (known.status >= 500) request.log.warn({ err: known }, known.message);
      return sendError(reply, request, known.code, known.message, known.details);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, request, 'internal_error', `Something went wrong on our side. Quote ${request.id} if you report it.`);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );

  // JSON only, parsed safely (no __proto__/constructor smuggling). An empty body with a JSON
  // content type reads as "no body", so body-less POSTs sent by generic clients still work and
  // routes that need a body answer 422 rather than 400.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new ApiError('invalid_json', 'Request body is not valid JSON.'), undefined);
    }
  });
}
