import { readFileSync, writeFileSync } from 'node:fs';
import { renderEnvExample, withReadmeTable } from '../src/config/docs.js';
import { VARIABLES } from '../src/config/variables.js';

// `npm run gen:config-docs`: rewrites .env.example and the README's configuration table from
// the variable declarations in src/config/variables.ts.

writeFileSync('.env.example', renderEnvExample(VARIABLES));
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8'), VARIABLES));
process.stdout.write('Wrote .env.example and the configuration table in README.md.\n');
