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
import { dialectOf } from './db/dialect.js';
import { Cluster } from './cluster/cluster.js';
import { type SweepLocks, singleNodeLocks } from './cluster/sweep-locks.js';
import { forgetFinishedOwners, listOrphanedCalls } from './cluster/call-ownership.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** How long stop() may let live calls finish (several nodes: AGENTLINE_DRAIN_SECONDS; one node: 0). */
  drainMs: number;
  stop(): Promise<void>;
}

const SWEEP_MS = 60_000;
const INTENT_SWEEP_MS = 2_000;
const STARTUP_RECONCILE_MS = 15_000;
/** An unfinished call nobody ever claimed (an inbound call whose socket never came) is orphaned after this. */
const UNOWNED_GRACE_MS = 120_000;

async function reconcileIntents(app: FastifyInstance, log: FastifyBaseLogger, locks: SweepLocks = singleNodeLocks): Promise<void> {
  try {
    const result = await locks.run('intents', () => app.intents.runOnce());
    if (!result) return; // another node is reconciling
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
  // On PostgreSQL this process is one node of possibly several (src/cluster/); on SQLite it is the only one.
  const databaseUrl = config.databaseUrl;
  const clusterConfig = config.cluster ?? { leaseMs: 15_000, requestTimeoutMs: 3_000, drainMs: 30_000 };
  let cluster: Cluster | null = null;
  if (dialectOf(opened.db) === 'postgres' && databaseUrl) {
    cluster = await Cluster.start({ db: opened.db, clock: systemClock, log }, { ...clusterConfig, databaseUrl }).catch(async (err: unknown) => {
      await opened.close();
      throw err;
    });
    log.info({ node_id: cluster.nodeId, bus: clusterConfig.redisUrl ? 'redis' : 'postgres' }, 'joined the cluster');
  }
  const locks = cluster?.locks ?? singleNodeLocks;

  const { carriers, liveDialer, liveSmsSender } = createCarriers(config, opened);
  const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers, liveDialer, liveSmsSender, logger: log, cluster });
  // Carrier side effects a previous run left unsettled are settled before anything else looks at
  // their records (crash recovery closes calls, which must know first whether the carrier placed
  // them). A carrier that is down must not keep the gateway from starting: past a bound, the pass
  // goes on in the background and the loop below retries what it could not settle.
  let settling: Promise<void> | null = reconcileIntents(app, log, locks).finally(() => (settling = null));
  await Promise.race([settling, new Promise((r) => setTimeout(r, STARTUP_RECONCILE_MS).unref())]);
  const recoveryDeps = { db: opened.db, clock: systemClock, config, log, dialers: app.voice.dialers, turnContext: app.voice.sessionDeps.turnContext };
  // Several nodes: only calls whose owner is gone (its lease expired, or it was a previous run of
  // a restarted node, this one included) are closed, one node at a time; the others are live.
  const recoverOrphans = async () => {
    if (!cluster) return recoverInterruptedCalls(recoveryDeps);
    const now = systemClock.now();
    const found = await locks.run('recovery', async () => {
      const orphans = await listOrphanedCalls(opened.db, { now, unownedBefore: new Date(now.getTime() - Math.max(UNOWNED_GRACE_MS, 2 * clusterConfig.leaseMs)) });
      const n = orphans.length > 0 ? await recoverInterruptedCalls(recoveryDeps, { calls: orphans }) : 0;
      await forgetFinishedOwners(opened.db);
      return n;
    });
    return found ?? 0;
  };
  const recovered = await recoverOrphans();
  if (recovered > 0) log.warn({ recovered }, 'closed calls left open by a previous run');
  let orphanSweep: Promise<void> | null = null;
  const orphanTimer = cluster
    ? setInterval(
        () =>
          void (orphanSweep ??= recoverOrphans()
            .then((n) => void (n > 0 && log.warn({ recovered: n }, 'closed calls whose node stopped')))
            .catch((err: unknown) => log.error({ err }, 'recovery of calls of a stopped node failed'))
            .finally(() => (orphanSweep = null))),
        Math.max(250, Math.floor(clusterConfig.leaseMs / 3)),
      )
    : null;
  orphanTimer?.unref();
  const services = { db: opened.db, clock: systemClock, config, carrierFor: (m: 'test' | 'live') => carriers[m], log };

  let sweeping: Promise<void> | null = null;
  const sweep = () => (sweeping ??= runSweep().finally(() => (sweeping = null)));
  const runSweep = async () => {
    try {
      if ((await locks.run('sweep', runSweepSteps)) === null) log.debug('another node runs the background sweep');
    } catch (err) {
      log.error({ err }, 'background sweep failed');
    }
  };
  const runSweepSteps = async () => {
    {
      const result = await renewDueNumbers(services);
      if (result.renewed + result.released + result.failed > 0) log.info(result, 'number renewals');
      await deleteExpiredIdem(opened.db, new Date().toISOString());
      await logQuietSmsThreads({ db: opened.db, clock: systemClock, log }, config.smsThreadQuietMs);
    }
    return true;
  };
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  void sweep();
  // Open intents are few and usually young (the carrier may still be answering): a short loop
  // settles them soon after their settle window; each one backs off while the carrier is down.
  const intentTimer = setInterval(() => void (settling ??= reconcileIntents(app, log, locks).finally(() => (settling = null))), INTENT_SWEEP_MS);
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
    drainMs: cluster ? clusterConfig.drainMs : 0,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Drain: no new call here; the calls up now may finish, up to the deadline.
      app.drain.start();
      await cluster?.lease.markDraining().catch((err: unknown) => log.warn({ err }, 'could not mark this node draining'));
      // One node alone keeps today's stop: nobody could take over its calls, they end now.
      const deadline = Date.now() + (cluster ? clusterConfig.drainMs : 0);
      while (app.voice.registry.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      clearInterval(timer);
      clearInterval(intentTimer);
      if (orphanTimer) clearInterval(orphanTimer);
      await sweeping;
      await settling;
      await orphanSweep;
      const live = app.voice.registry.all();
      if (live.length > 0) log.warn({ calls: live.length }, cluster ? 'drain deadline passed; handing the remaining calls to another node' : 'drain deadline passed; ending the remaining calls');
      if (cluster) {
        // The sockets go with the process (their sessions' turns and end are recorded). A test
        // call is its softphone socket: it ends here. A carrier's call may still be up at the
        // carrier: the lease lapses now, so another node's recovery closes and bills it (or the
        // carrier's status callback, reaching another node, does).
        await Promise.all(live.map((s) => s.close('gateway_shutdown')));
        await Promise.all(live.map((s) => finishSimCall(app.voice.sessionDeps, s.callId)));
        await app.close();
        await app.webhooks.stop();
        await cluster.close({ handOver: true });
        await opened.close();
        return;
      }
      // One node: live sessions end with the process. Test-mode calls have no carrier to report
      // their end, so their records are closed and billed now; live calls get the carrier's
      // status callback (or recovery at the next start, should it never come).
      await Promise.all(live.map((s) => s.close('gateway_shutdown')));
      await Promise.all(live.map((s) => finishSimCall(app.voice.sessionDeps, s.callId)));
      await app.close(); // stops accepting, lets in-flight requests finish
      await app.webhooks.stop(); // in-flight deliveries finish (bounded); pending ones stay rows
      await opened.close();
    },
  };
}
