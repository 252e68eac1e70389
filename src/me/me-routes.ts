import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';

const Me = Type.Object(
  {
    key: Type.Object({
      id: Type.String(),
      mode: Type.Union([Type.Literal('test'), Type.Literal('live')]),
      scopes: Type.Array(Type.String()),
      read_only: Type.Boolean(),
    }),
    workspace: Type.Object({ id: Type.String(), name: Type.String() }),
  },
  { $id: 'Me', title: 'Me' },
);

export async function meRoutes(app: FastifyInstance) {
  app.get(
    '/me',
    {
      config: { scope: 'any' },
      schema: { tags: ['me'], summary: 'The calling key and its workspace', response: { 200: Type.Object({ data: Me, request_id: Type.String() }) } },
    },
    async (request) => {
      const auth = authOf(request);
      return {
        data: {
          key: { id: auth.keyId, mode: auth.scope.mode, scopes: auth.scopes, read_only: auth.readOnly },
          workspace: { id: auth.workspaceId, name: auth.workspaceName },
        },
        request_id: request.id,
      };
    },
  );
}
