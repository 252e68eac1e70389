import openapiTS, { astToString } from 'openapi-typescript';

// TypeScript types for the whole API, generated from the served OpenAPI document by
// openapi-typescript, for clients built with openapi-fetch (`createClient<paths>()`).

export const API_TYPES_FILE = 'test/generated/agentline-api.d.ts';

const HEADER = [
  '// Generated from GET /v1/openapi.json by openapi-typescript; do not edit.',
  '// Regenerate with `npm run gen:api-types` (a test fails when this file is stale).',
  '',
].join('\n');

export async function generateApiTypes(document: Record<string, unknown>): Promise<string> {
  // The first server is the origin the document was fetched from; it is not part of the types.
  const ast = await openapiTS(document as never, { alphabetize: false });
  return HEADER + astToString(ast);
}
