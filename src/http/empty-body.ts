import { Type } from '@sinclair/typebox';

/**
 * The body of an action that takes no fields (hang up, rotate a secret, send a test event,
 * retry a delivery). No body, an empty body or `{}` are accepted; any field is refused with 422
 * `unknown_field`, as on every other route, so a typo never passes silently. (fastify validates
 * an absent body as `null`, hence the nullable type.)
 */
export const EmptyBody = Type.Unsafe<Record<string, never> | null>({
  type: ['object', 'null'],
  properties: {},
  additionalProperties: false,
  description: 'This operation takes no fields: send no body or `{}`.',
});
