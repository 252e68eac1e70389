import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { databaseLocation, describeLocation, isPostgresUrl, migrateToLatest, openDatabase } from '../../db/database.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { explainError } from '../explain-error.js';
import { EXIT } from '../exit-codes.js';
import type { CommandResult, Done } from '../result.js';

export function migrateCommand(program: Command, done: Done): void {
  program
    .command('migrate')
    .description('create the database (AGENTLINE_DATABASE_URL, else the AGENTLINE_DB file) or bring it up to date, then exit')
    .action(() => done(migrate()));
}

async function migrate(): Promise<CommandResult> {
  const config = loadConfig();
  const location = databaseLocation(config);
  const where = describeLocation(location);
  const postgres = isPostgresUrl(location);
  const isNew = !postgres && (config.dbPath === ':memory:' || !existsSync(config.dbPath));
  const total = Object.keys(await migrationProvider.getMigrations()).length;
  let applied: string[];
  try {
    const opened = await openDatabase(location, { poolSize: 2 });
    try {
      applied = await migrateToLatest(opened.db);
    } finally {
      await opened.close();
    }
  } catch (e) {
    throw explainError(e, { dbPath: where }) ?? e;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  if (isNew || (postgres && applied.length === total)) out(`Created the database at ${where} (${applied.length} migrations applied).`);
  else if (applied.length > 0) out(`Migrated the database at ${where}: applied ${applied.join(', ')}.`);
  else out(`The database at ${where} is up to date (${total} migrations).`);
  return EXIT.ok;
}
