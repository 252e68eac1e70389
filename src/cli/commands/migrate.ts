import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { explainError } from '../explain-error.js';
import { EXIT } from '../exit-codes.js';
import type { CommandResult, Done } from '../result.js';

export function migrateCommand(program: Command, done: Done): void {
  program
    .command('migrate')
    .description('create the database (AGENTLINE_DB) or bring it up to date, then exit')
    .action(() => done(migrate()));
}

async function migrate(): Promise<CommandResult> {
  const config = loadConfig();
  const isNew = config.dbPath === ':memory:' || !existsSync(config.dbPath);
  const total = Object.keys(await migrationProvider.getMigrations()).length;
  let applied: string[];
  try {
    const opened = openDatabase(config.dbPath);
    try {
      applied = await migrateToLatest(opened.db);
    } finally {
      await opened.close();
    }
  } catch (e) {
    throw explainError(e, { dbPath: config.dbPath }) ?? e;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  if (isNew) out(`Created the database at ${config.dbPath} (${applied.length} migrations applied).`);
  else if (applied.length > 0) out(`Migrated the database at ${config.dbPath}: applied ${applied.join(', ')}.`);
  else out(`The database at ${config.dbPath} is up to date (${total} migrations).`);
  return EXIT.ok;
}
