import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { startServer } from '../../server.js';
import { describeAgents, describeGcThreads, v8PoolSize } from '../../startup-notes.js';
import { explainError } from '../explain-error.js';
import { parsePort } from '../options.js';
import type { CommandResult, Done } from '../result.js';
import { databaseLocation, describeLocation } from '../../db/database.js';

export function serveCommand(program: Command, done: Done): void {
  program
    .command('serve')
    .description('run the gateway: the HTTP API, the console, carrier webhooks and the softphone sockets')
    .option('--port <port>', 'port to listen on (overrides PORT)', parsePort)
    .option('--host <address>', 'address to listen on (overrides HOST; 0.0.0.0 for every interface)')
    .addHelpText('after', '\nEverything else is configured with environment variables or ./.env (see .env.example).')
    .action((opts: { port?: number; host?: string }) => done(serve(opts)));
}

async function serve(opts: { port?: number; host?: string }): Promise<CommandResult> {
  const config = loadConfig({
    ...process.env,
    ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
    ...(opts.host !== undefined ? { HOST: opts.host } : {}),
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    // Loaded here, not at the top: every other command and `--help` start without the whole app.
    const { startServer } = await import('../../server.js');
    server = await startServer(config);
  } catch (e) {
    throw explainError(e, { port: config.port, host: config.host, dbPath: describeLocation(databaseLocation(config)) }) ?? e;
  }
  // A stray rejection is a bug to fix, not a reason to drop every live call: log it and go on.
  process.on('unhandledRejection', (err) => server.app.log.error({ err }, 'unhandled rejection'));
  process.stdout.write(`Agentline listening on ${server.url} (database ${describeLocation(databaseLocation(config))}). Ctrl-C stops it.\n${describeAgents(config)}\n${describeGcThreads(v8PoolSize(process.execArgv, process.env.NODE_OPTIONS))}\n`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000 + server.drainMs); // drain, then 10 s to close
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        server.app.log.error({ err: e }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return 'running';
}
