import type { FastifyInstance } from 'fastify';
import { validationError } from '../../errors.js';

// JSON may spell a lone UTF-16 surrogate ("\ud800"), which is not text: SQLite, the carrier's
// UTF-8 and every encoder on the way out turn it into U+FFFD, so what we stored, billed or sent
// would not be what the client sent. One check for every body, before validation and before any
// handler or idempotency record sees it: a string (or key) holding an unpaired surrogate is
// refused with 422 naming its path. The walk is iterative (no recursion, whatever the nesting)
// and visits each value once, so its cost is bounded by the body size limit.

// In a `u` regex a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse().join('.') || '(body)';
}

/** The path of the first string or key holding an unpaired surrogate, or null. */
export function findLoneSurrogate(body: unknown): string | null {
  const stack: Visit[] = [{ value: body, parent: null, key: '' }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return pathOf(visit);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: visit, key: String(i) });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const node = { value: child, parent: visit, key };
        if (LONE_SURROGATE.test(key)) return pathOf(node);
        stack.push(node);
      }
    }
  }
  return null;
}

export function installTextSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const field = findLoneSurrogate(request.body);
    if (field !== null) {
      throw validationError(field, 'invalid_unicode', `${field} holds an unpaired UTF-16 surrogate (\\ud800-\\udfff); send valid Unicode text.`);
    }
  });
}
