import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import websocket from '@fastify/websocket';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Carrier } from '../carriers/carrier.js';
import type { Db } from '../db/database.js';
import type { Mode } from '../db/schema.js';
import { newId } from '../ids.js';
import type { Resolver } from '../net/url-safety.js';
import type OpenAI from 'openai';
import { createOpenAIClient } from '../agents/managed-agent.js';
import { createAgentFactory } from '../calls/agent-factory.js';
import { callRoutes } from '../calls/call-routes.js';
import { chatRoutes } from '../chat/chat-routes.js';
import { CallRegistry, type SessionDeps } from '../calls/call-session.js';
import { LocalCallControl } from '../calls/call-control.js';
import { crmTurnContext } from '../crm/telephony/crm-turn-context.js';
import { knowledgeTurnContext } from '../cms/knowledge/knowledge-tool.js';
import { TranscriptSink } from '../calls/transcript.js';
import type { Dialer } from '../calls/dialer.js';
import { SimDialer, SoftphoneHub, softphoneRoutes } from '../carriers/sim/softphone.js';
import { mediaSoftphoneRoutes } from '../carriers/sim/media-softphone.js';
import { softphoneTicketRoutes } from '../softphone/ticket-routes.js';
import { consoleRoutes } from '../console/console-routes.js';
import { TwilioDialer } from '../carriers/twilio/twilio-dialer.js';
import { twilioVoiceRoutes } from '../carriers/twilio/voice-routes.js';
import { twilioMediaRoutes } from '../carriers/twilio/media-routes.js';
import { streamSpeechFrom } from '../speech/stream-speech.js';
import { twilioSmsRoutes } from '../carriers/twilio/sms-routes.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { TwilioSmsSender } from '../sms/sms-sender.js';
import { SimSmsSender } from '../sms/sim-sms-sender.js';
import { applySmsStatus } from '../sms/sms-service.js';
import { smsRoutes } from '../sms/sms-routes.js';
import { crmRoutes } from '../crm/crm-routes.js';
import { customerRoutes } from '../identity/customers/customer-routes.js';
import { installTokenRoutes } from '../auth/install-token-routes.js';
import { marketingRoutes } from '../marketing/marketing-routes.js';
import { CampaignSender } from '../marketing/campaigns/campaign-sender.js';
import { creditsRoutes } from '../credits/credits-routes.js';
import { eventRoutes } from '../events/event-routes.js';
import { healthRoutes } from '../health/health-routes.js';
import { meRoutes } from '../me/me-routes.js';
import { numberRoutes } from '../numbers/number-routes.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../webhooks/delivery-worker.js';
import { webhookRoutes } from '../webhooks/webhook-routes.js';
import { decorateAuth, installAuth } from './plugins/auth.js';
import { answerClientError, answerFrameworkError, installErrorHandling } from './plugins/errors.js';
import { countIp, installIpRateLimit, rateHeaders, rateLimited } from './plugins/rate-limit.js';
import { installIdempotency } from './plugins/idempotency.js';
import { IntentBook } from '../intents/intent-service.js';
import { Reconciler } from '../intents/reconciler.js';
import { documentFor, registerOpenApi } from './plugins/openapi.js';
import { installRequestId } from './plugins/request-id.js';
import { installTextSafety } from './plugins/text-safety.js';
import { installValidators } from './plugins/validation.js';
import { RateLimiter } from './rate-limiter.js';
import type { RouteScope } from './scopes.js';
import { agentRoutes } from '../agent-profiles/agent-routes.js';
import { identityRoutes } from '../identity/identity-routes.js';
import { withIdentityContext } from '../identity/identity-context.js';
import { usageRoutes } from '../usage/usage-routes.js';
import { createTokenRecorder } from '../usage/token-recorder.js';
import type { Cluster } from '../cluster/cluster.js';
import { Drain, installDrain } from '../cluster/drain.js';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  carriers: Record<Mode, Carrier>;
  /** A pino logger; tests pass none and get a silent one. */
  logger?: FastifyBaseLogger;
  /** DNS for customer-URL checks; tests inject one. */
  resolve?: Resolver;
  /** Live call control; defaults to Twilio through the SDK (none configured: calls get a 502). */
  liveDialer?: Dialer;
  /** The managed agents' client; defaults to OPENAI_BASE_URL / OPENAI_API_KEY. */
  openai?: OpenAI;
  /** Live SMS; defaults to Twilio (none configured: sends get a 502). */
  liveSmsSender?: SmsSender;
  /** Start the webhook delivery worker now (the server does); tests start it when they want it. */
  startWebhookWorker?: boolean;
  /** Delivery worker tuning (retry schedule, timeouts, concurrency); tests shorten it. */
  webhookWorker?: DeliveryWorkerOptions;
  /** This node's place in a cluster (PostgreSQL, several nodes); none: one process holds everything. */
  cluster?: Cluster | null;
}

export interface VoiceRuntime {
  registry: CallRegistry;
  dialers: Record<Mode, Dialer>;
  /** What live sessions run on (shutdown closes test-mode calls with it). */
  sessionDeps: SessionDeps;
}

export interface RouteRecord {
  method: string;
  url: string;
  scope: RouteScope | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, for the scope and security test suites. */
    routeRecords: RouteRecord[];
    /** Live calls and call control, for shutdown, recovery and tests. */
    voice: VoiceRuntime;
    /** The webhook delivery worker: start(), stop(), runOnce(). */
    webhooks: DeliveryWorker;
    /** Settles carrier intents left open (at start, on every sweep): see src/intents/. */
    intents: Reconciler;
    /** Set on SIGTERM: the node takes no new calls (src/cluster/drain.ts). */
    drain: Drain;
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const cluster = deps.cluster ?? null;
  const limiter = new RateLimiter(deps.config.rateLimits, Date.now, cluster?.rateCounting ?? null);
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    genReqId: () => newId('req'),
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    bodyLimit: 1_048_576,
    trustProxy: false,
    // Requests the router refuses before any hook runs still count and answer in our envelope.
    frameworkErrors: (err, request, reply) => {
      const state = countIp(limiter, request, reply);
      return answerFrameworkError(state.exceeded ? rateLimited(state) : err, request, reply);
    },
    clientErrorHandler: (err, socket) => answerClientError(err, socket, rateHeaders(limiter.ip(socket.remoteAddress ?? 'unknown'))),
  }) as unknown as FastifyInstance;

  const routeRecords: RouteRecord[] = [];
  app.decorate('routeRecords', routeRecords);
  app.addHook('onRoute', (route) => {
    // Swagger UI's static routes are public by nature; everything else must say what it needs.
    if (route.url.startsWith('/docs')) route.config = { ...route.config, scope: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeRecords.push({ method, url: route.url, scope: route.config?.scope });
    }
  });

  installValidators(app);
  installErrorHandling(app);
  installTextSafety(app);
  installRequestId(app);
  decorateAuth(app);
  // Every socket's frames are small JSON (ConversationRelay, softphone, Media Streams ~300 bytes): a bigger one closes that socket with 1009.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app, deps.config.publicUrl);

  const drain = new Drain();
  app.decorate('drain', drain);
  installDrain(app, drain);
  app.addHook('onClose', async () => limiter.close());
  installIpRateLimit(app, limiter);
  installAuth(app, { db: deps.db, clock: deps.clock, limiter });
  let reconciler: Reconciler | null = null; // built below, once the carriers' deps exist
  installIdempotency(app, {
    db: deps.db,
    clock: deps.clock,
    ttlHours: deps.config.idempotencyTtlHours,
    settleKey: async (key) => (reconciler ? reconciler.settleKey(key) : 'open'),
  });
  const intents = new IntentBook({ clock: deps.clock });

  const log = deps.logger ?? app.log;
  const services = {
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    carrierFor: (mode: Mode) => deps.carriers[mode],
    resolve: deps.resolve,
    log,
    intents,
    // The CRM gives calls and SMS their caller context and tools, the identity the business they
    // speak for, and a number's knowledge base (CMS) adds search_knowledge for managed agents; the
    // calls code only knows the interface.
    turnContext: knowledgeTurnContext(withIdentityContext(crmTurnContext({ db: deps.db, clock: deps.clock, log }), { db: deps.db }), { db: deps.db, clock: deps.clock, log }),
  };

  const openai = deps.openai ?? createOpenAIClient({ apiKey: deps.config.openai.apiKey, baseURL: deps.config.openai.baseUrl, timeoutMs: 60_000 });
  const registry = new CallRegistry(cluster ? { added: (callId) => cluster.claim(callId) } : {});
  const transcripts = new TranscriptSink(deps.db, (err) => log.error({ err }, 'could not store transcript turns'));
  const recordTokens = createTokenRecorder({ db: deps.db, clock: deps.clock, log });
  const agentFor = createAgentFactory({ config: deps.config, openai, resolve: deps.resolve, recordTokens });
  const control = cluster ? cluster.callControl(registry) : new LocalCallControl(registry);
  const sessionDeps = { ...services, registry, control, transcripts, agentFor, recordTokens };
  const hub = new SoftphoneHub(cluster?.softphones ?? null);
  const simDialer = new SimDialer(sessionDeps, hub);
  cluster?.softphones.attach(hub, simDialer);
  const dialers: Record<Mode, Dialer> = { test: simDialer, live: deps.liveDialer ?? new TwilioDialer(null, deps.config.publicUrl) };
  app.decorate('voice', { registry, dialers, sessionDeps });
  app.addHook('onClose', async () => {
    agentFor.close();
    await transcripts.flush();
  });
  const callDeps = { ...sessionDeps, dialers };
  // Several nodes pick due deliveries one at a time (the cluster's advisory lock).
  const webhookWorker = new DeliveryWorker({ db: deps.db, clock: deps.clock, log, allowPrivate: deps.config.allowPrivateUrls, resolve: deps.resolve, locks: cluster?.locks }, deps.webhookWorker);
  app.decorate('webhooks', webhookWorker);
  app.addHook('onClose', async () => webhookWorker.stop()); // before the caller closes the database
  const smsDeps = {
    ...sessionDeps,
    senders: {} as Record<Mode, SmsSender>,
  };
  reconciler = new Reconciler({ ...services, senders: smsDeps.senders, dialers });
  app.decorate('intents', reconciler);
  smsDeps.senders.live = deps.liveSmsSender ?? new TwilioSmsSender(null, deps.config.publicUrl);
  smsDeps.senders.test = new SimSmsSender(
    (id, status) => applySmsStatus(smsDeps, id, status, null, null),
    (m) => hub.sms(m.workspace_id, m.to_number, { id: m.id, from: m.from_number, to: m.to_number, body: m.body }),
    (err) => log.error({ err }, 'simulated SMS status failed'),
  );
  // SMS campaigns are texted in the background, paced; a restart resumes them (src/marketing/).
  const campaignSender = new CampaignSender(smsDeps);
  app.addHook('onReady', async () => campaignSender.start());
  app.addHook('onClose', async () => campaignSender.stop());

  await app.register(healthRoutes, { db: deps.db });
  await app.register(twilioVoiceRoutes, sessionDeps);
  // One speech stack (HTTP agents, Silero model) for Twilio streams and the media softphone.
  const speech = streamSpeechFrom(deps.config, log);
  // Lines the operator changed are rendered through TTS in the background; calls meanwhile play the shipped audio.
  app.addHook('onReady', async () => speech.warmUp(async () => (await deps.db.selectFrom('numbers').select('id').where('media_mode', '=', 'stream').where('status', '=', 'active').limit(1).execute()).length > 0));
  app.addHook('onClose', async () => speech.close());
  await app.register(twilioMediaRoutes, { ...sessionDeps, speech });
  await app.register(twilioSmsRoutes, smsDeps);
  await app.register(
    async (v1) => {
      await v1.register(meRoutes);
      await v1.register(numberRoutes, services);
      await v1.register(creditsRoutes, services);
      await v1.register(eventRoutes, services);
      await v1.register(webhookRoutes, services);
      await v1.register(callRoutes, callDeps);
      await v1.register(chatRoutes, sessionDeps);
      await v1.register(smsRoutes, smsDeps);
      await v1.register(crmRoutes, services);
      await v1.register(customerRoutes, services);
      await v1.register(installTokenRoutes, { db: deps.db, clock: deps.clock, exchangesPerMinute: deps.config.installTokenExchangesPerMinute });
      await v1.register(marketingRoutes, { ...services, sender: campaignSender });
      await v1.register(softphoneRoutes, { ...sessionDeps, hub, simDialer });
      await v1.register(mediaSoftphoneRoutes, { ...sessionDeps, speech });
      await v1.register(softphoneTicketRoutes, { db: deps.db, clock: deps.clock });
      await v1.register(agentRoutes, services);
      await v1.register(identityRoutes, services);
      await v1.register(usageRoutes, services);
      v1.get('/openapi.json', { config: { scope: 'public' }, schema: { hide: true } }, async (request) => documentFor(app.swagger(), request, deps.config.publicUrl));
    },
    { prefix: '/v1' },
  );

  await app.register(consoleRoutes);

  if (deps.startWebhookWorker) webhookWorker.start();
  return app;
}
