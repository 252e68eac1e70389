import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from './api-types.js';
import { buildOpenApiDocument } from './openapi-document.js';

// npm run gen:api-types: rewrite the committed client types from the current route schemas.

const types = await generateApiTypes(await buildOpenApiDocument());
mkdirSync(dirname(API_TYPES_FILE), { recursive: true });
writeFileSync(API_TYPES_FILE, types);
console.log(`wrote ${API_TYPES_FILE}`);
