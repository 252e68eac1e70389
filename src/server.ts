import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { type Config, describePrivateUrlRule } from './config.js';
import { describeAgents } from './startup-notes.js';
import { systemClock } from './clock.js';
import type { OpenedDatabase } from './db/database.js';
import { buildApp } from './http/app.js';
import { countWorkspaces } from './keys/key-repository.js';
import { createKey } from './keys/key-service.js';
import { deleteExpiredIdem } from './idempotency/idempotency-repository.js';
import { renewDueNumbers } from './numbers/number-service.js';
import { createCarriers, createLogger, openMigrated } from './runtime.js';
import { recoverInterruptedCalls } from './calls/recovery.js';
import { logQuietSmsThreads } from './crm/telephony/conversation-crm.js';
import { finishSimCall } from './carriers/sim/softphone.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

const SWEEP_MS = 60_000;
const INTENT_SWEEP_MS = 2_000;
const STARTUP_RECONCILE_MS = 15_000;

async function reconcileIntents(app: FastifyInstance, log: FastifyBaseLogger): Promise<void> {
  try {
    const result = await app.intents.runOnce();
    if (result.settled > 0 || result.open > 0) log.info(result, 'carrier intents reconciled');
  } catch (err) {
    log.error({ err }, 'carrier intent reconciliation failed');
  }
}

/** On an empty database: a `default` workspace and a test key, printed once to the terminal. */
async function bootstrapFirstKey(opened: OpenedDatabase, config: Config, base: string, print: (line: string) => void): Promise<void> {
  if ((await countWorkspaces(opened.db)) > 0) return;
  const created = await createKey({ db: opened.db, clock: systemClock }, { workspace: 'default', mode: 'test', createWorkspace: true });
  print(
    [
      '',
      'Agentline created a workspace "default" and a test-mode API key. It is shown only this once:',
      '',
      `    ${created.key}`,
      '',
      'Try it:',
      '',
      `    curl -s ${base}/v1/me -H "Authorization: Bearer ${created.key}"`,
      '',
      `API docs: ${base}/docs`,
      `Console:  ${base}/console (paste the key)`,
      '',
      ...(config.openai.apiKey === undefined && config.openai.baseUrl === undefined
        ? [
            'Numbers with a webhook_url talk right away (try `npx agentline example-agent`). Numbers with only a',
            'system_prompt run on a model: set OPENAI_API_KEY, or OPENAI_BASE_URL to any OpenAI-compatible server.',
            '',
          ]
        : []),
    ].join('\n'),
  );
}

export async function startServer(config: Config, opts: { print?: (line: string) => void; logger?: FastifyBaseLogger } = {}): Promise<RunningServer> {
  const log = opts.logger ?? createLogger(config);
  const opened = await openMigrated(config);

  const { carriers, liveDialer, liveSmsSender } = createCarriers(config, opened);
  const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers, liveDialer, liveSmsSender, logger: log });
  // Carrier side effects a previous run left unsettled are settled before anything else looks at
  // their records (crash recovery closes calls, which must know first whether the carrier placed
  // them). A carrier that is down must not keep the gateway from starting: past a bound, the pass
  // goes on in the background and the loop below retries what it could not settle.
  let settling: Promise<void> | null = reconcileIntents(app, log).finally(() => (settling = null));
  await Promise.race([settling, new Promise((r) => setTimeout(r, STARTUP_RECONCILE_MS).unref())]);
  const recovered = await recoverInterruptedCalls({ db: opened.db, clock: systemClock, config, log, dialers: app.voice.dialers, turnContext: app.voice.sessionDeps.turnContext });
  if (recovered > 0) log.warn({ recovered }, 'closed calls left open by a previous run');
  const services = { db: opened.db, clock: systemClock, config, carrierFor: (m: 'test' | 'live') => carriers[m], log };

  let sweeping: Promise<void> | null = null;
  const sweep = () => (sweeping ??= runSweep().finally(() => (sweeping = null)));
  const runSweep = async () => {
    try {
      const result = await renewDueNumbers(services);
      if (result.renewed + result.released + result.failed > 0) log.info(result, 'number renewals');
      await deleteExpiredIdem(opened.db, new Date().toISOString());
      await logQuietSmsThreads({ db: opened.db, clock: systemClock, log }, config.smsThreadQuietMs);
    } catch (err) {
      log.error({ err }, 'background sweep failed');
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  void sweep();
  // Open intents are few and usually young (the carrier may still be answering): a short loop
  // settles them soon after their settle window; each one backs off while the carrier is down.
  const intentTimer = setInterval(() => void (settling ??= reconcileIntents(app, log).finally(() => (settling = null))), INTENT_SWEEP_MS);
  intentTimer.unref();

  app.webhooks.start(); // resumes whatever deliveries a previous run left pending
  const address = await app.listen({ port: config.port, host: config.host });
  log.info({ allow_private_urls: config.allowPrivateUrls }, describePrivateUrlRule(config));
  log.info(describeAgents(config));
  // Only once listening: a start that fails (port in use) must not spend the one-time key print.
  const { port } = app.server.address() as AddressInfo;
  const base = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  await bootstrapFirstKey(opened, config, base, opts.print ?? ((line) => process.stdout.write(`${line}\n`)));
  let stopped = false;
  return {
    app,
    url: address,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      clearInterval(intentTimer);
      await sweeping;
      await settling;
      // Live sessions end with the process. Test-mode calls have no carrier to report their end,
      // so their records are closed and billed now; live calls get the carrier's status callback
      // (or recovery at the next start, should it never come).
      const live = app.voice.registry.all();
      await Promise.all(live.map((s) => s.close('gateway_shutdown')));
      await Promise.all(live.map((s) => finishSimCall(app.voice.sessionDeps, s.callId)));
      await app.close(); // stops accepting, lets in-flight requests finish
      await app.webhooks.stop(); // in-flight deliveries finish (bounded); pending ones stay rows
      await opened.close();
    },
  };
}
