import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import { ApiError, type ErrorDetail, type ErrorCode, statusOf } from '../../errors.js';
import { describeValidation } from './validation.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.js';
import { newId } from '../../ids.js';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

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
    // Checked on the raw text, before anything recursive (the parser, ajv, the idempotency
    // fingerprint) walks the value: thousands of levels would overflow the stack.
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(
        new ApiError('invalid_json', `Request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`, [
          { field: '(body)', error: 'too_deep', max_depth: MAX_JSON_DEPTH },
        ]),
        undefined,
      );
    }
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new ApiError('invalid_json', 'Request body is not valid JSON.'), undefined);
    }
  });
}

/**
 * Errors fastify's router raises before any route or hook runs (its `frameworkErrors` option):
 * a path that is not valid percent-encoding, or a path segment over `maxParamLength`. No id we
 * issue is that long, so the latter is simply a resource that does not exist.
 */
export function answerFrameworkError(err: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('x-request-id', request.id); // no hooks run on this path, request-id's included
  if (err instanceof ApiError) return sendError(reply, request, err.code, err.message, err.details); // e.g. rate limited
  const path = request.url.split('?')[0];
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(reply, request, 'bad_request', 'The request path is not valid percent-encoding (a stray or malformed `%`).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(reply, request, 'not_found', `No route ${request.method} ${path}: ids are at most 100 characters.`);
    default:
      request.log.error({ err }, 'router error');
      return sendError(reply, request, 'internal_error', `Something went wrong on our side. Quote ${request.id} if you report it.`);
  }
}

const CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['headers_too_large', 'Request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'The request took too long to arrive.'],
};

/**
 * Node's HTTP parser refuses some requests before fastify sees them (headers over the size
 * limit, malformed request lines, timeouts) and emits `clientError` on the server. We answer in
 * our envelope on the raw socket, then close it; `extraHeaders` adds what every response carries
 * (the rate-limit headers). Never throws: a socket error here must not stop the process.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket, extraHeaders: Record<string, string> = {}): void {
  try {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [code, message] = CLIENT_ERRORS[err.code ?? ''] ?? (['bad_request', 'The request is not valid HTTP.'] as [ErrorCode, string]);
    const requestId = newId('req');
    const body = JSON.stringify({ error: { code, message }, request_id: requestId });
    const status = statusOf(code);
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': requestId,
      Connection: 'close',
      ...extraHeaders,
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${body}`);
  } catch {
    socket.destroy();
  }
}
