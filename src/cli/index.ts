import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { loadEnvFile } from '../config/env-file.js';
import { callCommand } from './commands/call.js';
import { exampleAgentCommand } from './commands/example-agent.js';
import { keysCommand } from './commands/keys.js';
import { loginCommand } from './commands/login.js';
import { migrateCommand } from './commands/migrate.js';
import { plansCommand } from './commands/plans.js';
import { serveCommand } from './commands/serve.js';
import { smsCommand } from './commands/sms.js';
import { explainError } from './explain-error.js';
import { EXIT } from './exit-codes.js';
import type { CommandResult, Done } from './result.js';

// `agentline <command>`: the gateway and the operator's tools, on the same database file.
// Exit codes: 0 ok, 1 failure, 2 usage error, 78 configuration error (see exit-codes.ts).

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(done: Done): Command {
  const program = new Command('agentline')
    .description('Agentline, an open telephony gateway for AI agents: phone numbers, calls, SMS and credits behind one API.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(`agentline: ${s.replace(/^error: /, '')}`) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nConfiguration: environment variables, and ./.env when present (see .env.example).\nRun `agentline <command> --help` for a command\'s options.')
    // .env is read when a command runs (not for --help), from the current directory.
    .hook('preAction', () => {
      for (const name of loadEnvFile('.env').unknown) {
        process.stderr.write(`agentline: warning: .env sets ${name}, which Agentline does not read (a typo? see .env.example)\n`);
      }
    });
  const register = [serveCommand, migrateCommand, keysCommand, loginCommand, plansCommand, callCommand, smsCommand, exampleAgentCommand];
  for (const add of register) add(program, done);
  return program;
}

/** Runs the CLI; resolves to the exit code, or `running` for a command that keeps serving. */
export async function main(argv: string[]): Promise<CommandResult> {
  let pending: Promise<CommandResult> | undefined;
  const program = buildProgram(async (r) => {
    pending = r;
    await r; // a rejection reaches the catch below through parseAsync
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : EXIT.ok;
  } catch (e) {
    // --help and --version "fail" with exit code 0; everything else commander refuses is usage.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const explained = explainError(e);
    if (explained) {
      process.stderr.write(`agentline: ${explained.message}\n`);
      return explained.exitCode;
    }
    process.stderr.write(`agentline: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.failure;
  }
}
