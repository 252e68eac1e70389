import { dirname, join } from 'node:path';
import { ConfigError, type Env } from './config/variable.js';
import { V } from './config/variables.js';

// Configuration comes from environment variables only (the CLI first loads ./.env into them),
// parsed and validated once at boot through the declarations in config/variables.ts. A bad
// value stops the process with a message naming the variable.

export { ConfigError };

export interface Prices {
  /** Monthly fee per number, charged at provisioning and every `numberRenewalDays`. */
  numberCents: number;
  numberRenewalDays: number;
  inboundMinuteCents: number;
  outboundMinuteCents: number;
  smsSegmentCents: number;
}

export interface RateLimits {
  windowSeconds: number;
  perKey: number;
  perWorkspace: number;
  perIp: number;
}

/** Several gateway nodes (src/cluster/); used only when the database is PostgreSQL. */
export interface ClusterConfig {
  nodeId?: string;
  redisUrl?: string;
  leaseMs: number;
  requestTimeoutMs: number;
  drainMs: number;
}

export interface Config {
  /** Several nodes on PostgreSQL; absent in hand-built test configs (the defaults apply). */
  cluster?: ClusterConfig;
  port: number;
  host: string;
  dbPath: string;
  /** PostgreSQL connection URL; null: SQLite at dbPath. */
  databaseUrl: string | null;
  databasePoolSize: number;
  publicUrl: string;
  logLevel: string;
  twilio: { accountSid?: string; authToken?: string; apiBaseUrl?: string; timeoutMs: number };
  openai: { apiKey?: string; baseUrl?: string; model: string };
  allowPrivateUrls: boolean;
  prices: Prices;
  rateLimits: RateLimits;
  /** Maximum credits bought in one purchase, in cents. */
  maxPurchaseCents: number;
  /** Days a number may stay unpaid after its renewal date before it is released. */
  renewalGraceDays: number;
  /** Idempotency records are kept this long. */
  idempotencyTtlHours: number;
  /** Install-token exchanges allowed per client IP per minute (src/auth/). */
  installTokenExchangesPerMinute: number;
  voice: VoiceConfig;
  speech: SpeechConfig;
  realtime: RealtimeConfig;
  /** Sent back when someone texts HELP to a number. */
  smsHelpReply: string;
  /** `credits.low` is emitted when a charge takes the balance below this, once per crossing. */
  lowBalanceCents: number;
  /** An SMS thread this long without a message is logged as one `sms` activity on its contact. */
  smsThreadQuietMs: number;
  recordings: RecordingsConfig;
  assets: AssetsConfig;
}

/** Uploaded assets and BI exports (src/assets/). Links are signed with the recordings' scheme. */
export interface AssetsConfig {
  /** AGENTLINE_ASSETS_DIR, else `assets/` beside the database. */
  dir: string;
  linkTtlSeconds: number;
  maxBytes: number;
  /** Set: files live in this S3-compatible bucket, not under `dir`. */
  s3?: AssetsS3Config;
}

export interface AssetsS3Config {
  bucket: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  timeoutMs: number;
}

/** Call recordings (src/recordings/). */
export interface RecordingsConfig {
  /** AGENTLINE_RECORDINGS_DIR, else `recordings/` beside the database. */
  dir: string;
  linkTtlSeconds: number;
  /** Unset: a secret generated once and kept in the database. */
  linkSecret?: string;
}

export interface VoiceConfig {
  /** No first token from the agent within this: the caller hears the fallback line. */
  firstTokenTimeoutMs: number;
  /** Consecutive failed turns before the call is ended politely. */
  maxAgentFailures: number;
  /** Length of a billed minute; only tests shorten it. */
  billingMinuteMs: number;
  /** Webhook agents: connect and response-header timeouts, and the longest gap between chunks. */
  agentConnectTimeoutMs: number;
  agentIdleTimeoutMs: number;
  fallbackLine: string;
  failureGoodbye: string;
  creditsGoodbye: string;
  /** Test-mode outbound calls to a number no softphone has registered ring this long. */
  simRingMs: number;
}

/** `localhost`, 127.0.0.0/8 or ::1: a name or address only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * Customer URLs may reach private addresses by default only when nothing outside this machine
 * can reach the gateway: it listens on loopback AND its PUBLIC_URL is loopback. A loopback
 * listener behind a reverse proxy or a tunnel (how a Twilio webhook usually gets exposed) has a
 * public PUBLIC_URL, and then any API key could make it fetch 169.254.169.254 or the LAN.
 */
export function privateUrlsByDefault(host: string, publicUrl: string): boolean {
  return isLoopbackHost(host) && isLoopbackHost(new URL(publicUrl).hostname);
}

/** The startup log's account of which outbound URL rule is in force, and why. */
export function describePrivateUrlRule(config: Pick<Config, 'host' | 'publicUrl' | 'allowPrivateUrls'>): string {
  const byDefault = privateUrlsByDefault(config.host, config.publicUrl);
  if (config.allowPrivateUrls) {
    return byDefault
      ? 'customer URLs: private addresses allowed (HOST and PUBLIC_URL are loopback)'
      : 'customer URLs: private addresses allowed (AGENTLINE_ALLOW_PRIVATE_URLS=true)';
  }
  if (byDefault) return 'customer URLs: private addresses refused (AGENTLINE_ALLOW_PRIVATE_URLS=false)';
  const why = isLoopbackHost(config.host) ? `PUBLIC_URL ${config.publicUrl} is public` : `HOST ${config.host} is reachable from the network`;
  return `customer URLs: private addresses refused (${why}; set AGENTLINE_ALLOW_PRIVATE_URLS=true to allow)`;
}

/** The `stream` media mode's speech endpoints: OpenAI or any server with its audio API. */
export interface SpeechConfig {
  /** AGENTLINE_SPEECH_BASE_URL, else OPENAI_BASE_URL (unset: api.openai.com). */
  baseUrl?: string;
  /** AGENTLINE_SPEECH_API_KEY, else OPENAI_API_KEY. */
  apiKey?: string;
  sttModel: string;
  ttsModel: string;
  /** The voice of numbers without a voice_id. */
  ttsVoice: string;
  /** One utterance, upload to transcript. */
  sttTimeoutMs: number;
  /** Request to first audio byte, and the longest gap between chunks. */
  ttsTimeoutMs: number;
  /** Operator-changed lines rendered through TTS (null: an in-memory database, no disk cache). */
  promptCacheDir: string | null;
}

/** AGENTLINE_PROMPT_CACHE_DIR, else `prompt-cache/` beside the database file. */
function promptCacheDirOf(explicit: string | undefined, dbPath: string): string | null {
  if (explicit) return explicit;
  return dbPath === ':memory:' ? null : join(dirname(dbPath), 'prompt-cache');
}

/** The `realtime` media mode's speech-to-speech endpoint (src/realtime/). */
export interface RealtimeConfig {
  /** AGENTLINE_REALTIME_URL, else OPENAI_BASE_URL as ws(s):// plus /realtime, else OpenAI's. */
  url: string;
  model: string;
  /** OPENAI_API_KEY (a local server may need none). */
  apiKey?: string;
  connectTimeoutMs: number;
}

export function loadConfig(env: Env = process.env): Config {
  const port = V.PORT.read(env);
  const host = V.HOST.read(env);
  const publicUrl = V.PUBLIC_URL.read(env) ?? `http://localhost:${port}`;

  const accountSid = V.TWILIO_ACCOUNT_SID.read(env);
  const authToken = V.TWILIO_AUTH_TOKEN.read(env);
  if ((accountSid === undefined) !== (authToken === undefined)) {
    throw new ConfigError(
      accountSid === undefined ? 'TWILIO_ACCOUNT_SID' : 'TWILIO_AUTH_TOKEN',
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together',
    );
  }

  const s3Bucket = V.AGENTLINE_ASSETS_S3_BUCKET.read(env);
  const s3Region = V.AGENTLINE_ASSETS_S3_REGION.read(env);
  const s3Key = V.AGENTLINE_ASSETS_S3_ACCESS_KEY_ID.read(env);
  const s3Secret = V.AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY.read(env);
  if (s3Bucket !== undefined && (s3Key === undefined || s3Secret === undefined)) {
    throw new ConfigError(s3Key === undefined ? 'AGENTLINE_ASSETS_S3_ACCESS_KEY_ID' : 'AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY', 'AGENTLINE_ASSETS_S3_BUCKET needs AGENTLINE_ASSETS_S3_ACCESS_KEY_ID and AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY');
  }
  const s3 = s3Bucket === undefined ? undefined : {
    bucket: s3Bucket,
    endpoint: V.AGENTLINE_ASSETS_S3_ENDPOINT.read(env) ?? `https://s3.${s3Region}.amazonaws.com`,
    region: s3Region,
    accessKeyId: s3Key!,
    secretAccessKey: s3Secret!,
    timeoutMs: V.AGENTLINE_ASSETS_S3_TIMEOUT_MS.read(env),
  };

  const dbPath = V.AGENTLINE_DB.read(env);
  return {
    cluster: {
      nodeId: V.AGENTLINE_NODE_ID.read(env),
      redisUrl: V.AGENTLINE_REDIS_URL.read(env),
      leaseMs: V.AGENTLINE_NODE_LEASE_SECONDS.read(env) * 1000,
      requestTimeoutMs: V.AGENTLINE_CLUSTER_TIMEOUT_MS.read(env),
      drainMs: V.AGENTLINE_DRAIN_SECONDS.read(env) * 1000,
    },
    port,
    host,
    dbPath,
    databaseUrl: V.AGENTLINE_DATABASE_URL.read(env) ?? null,
    databasePoolSize: V.AGENTLINE_DATABASE_POOL_SIZE.read(env),
    publicUrl,
    logLevel: V.LOG_LEVEL.read(env),
    twilio: {
      accountSid,
      authToken,
      apiBaseUrl: V.TWILIO_API_BASE_URL.read(env),
      timeoutMs: V.TWILIO_TIMEOUT_MS.read(env),
    },
    openai: {
      apiKey: V.OPENAI_API_KEY.read(env),
      baseUrl: V.OPENAI_BASE_URL.read(env),
      model: V.OPENAI_MODEL.read(env),
    },
    allowPrivateUrls: V.AGENTLINE_ALLOW_PRIVATE_URLS.read(env) ?? privateUrlsByDefault(host, publicUrl),
    prices: {
      numberCents: V.AGENTLINE_PRICE_NUMBER_CENTS.read(env),
      numberRenewalDays: V.AGENTLINE_NUMBER_RENEWAL_DAYS.read(env),
      inboundMinuteCents: V.AGENTLINE_PRICE_INBOUND_MINUTE_CENTS.read(env),
      outboundMinuteCents: V.AGENTLINE_PRICE_OUTBOUND_MINUTE_CENTS.read(env),
      smsSegmentCents: V.AGENTLINE_PRICE_SMS_SEGMENT_CENTS.read(env),
    },
    rateLimits: {
      windowSeconds: V.AGENTLINE_RATE_LIMIT_WINDOW_SECONDS.read(env),
      perKey: V.AGENTLINE_RATE_LIMIT_PER_KEY.read(env),
      perWorkspace: V.AGENTLINE_RATE_LIMIT_PER_WORKSPACE.read(env),
      perIp: V.AGENTLINE_RATE_LIMIT_PER_IP.read(env),
    },
    maxPurchaseCents: V.AGENTLINE_MAX_PURCHASE_CENTS.read(env),
    renewalGraceDays: V.AGENTLINE_RENEWAL_GRACE_DAYS.read(env),
    idempotencyTtlHours: V.AGENTLINE_IDEMPOTENCY_TTL_HOURS.read(env),
    installTokenExchangesPerMinute: V.AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE.read(env),
    smsHelpReply: V.AGENTLINE_SMS_HELP_REPLY.read(env),
    lowBalanceCents: V.AGENTLINE_LOW_BALANCE_CENTS.read(env),
    smsThreadQuietMs: V.AGENTLINE_SMS_THREAD_QUIET_MINUTES.read(env) * 60_000,
    recordings: {
      dir: V.AGENTLINE_RECORDINGS_DIR.read(env) ?? join(dbPath === ':memory:' ? './data' : dirname(dbPath), 'recordings'),
      linkTtlSeconds: V.AGENTLINE_RECORDING_LINK_TTL_SECONDS.read(env),
      linkSecret: V.AGENTLINE_RECORDING_LINK_SECRET.read(env),
    },
    assets: {
      dir: V.AGENTLINE_ASSETS_DIR.read(env) ?? join(dbPath === ':memory:' ? './data' : dirname(dbPath), 'assets'),
      linkTtlSeconds: V.AGENTLINE_ASSET_LINK_TTL_SECONDS.read(env),
      maxBytes: V.AGENTLINE_ASSET_MAX_BYTES.read(env),
      ...(s3 ? { s3 } : {}),
    },
    voice: {
      firstTokenTimeoutMs: V.AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS.read(env),
      maxAgentFailures: V.AGENTLINE_AGENT_MAX_FAILURES.read(env),
      billingMinuteMs: V.AGENTLINE_BILLING_MINUTE_MS.read(env),
      agentConnectTimeoutMs: V.AGENTLINE_AGENT_CONNECT_TIMEOUT_MS.read(env),
      agentIdleTimeoutMs: V.AGENTLINE_AGENT_IDLE_TIMEOUT_MS.read(env),
      fallbackLine: V.AGENTLINE_FALLBACK_LINE.read(env),
      failureGoodbye: V.AGENTLINE_FAILURE_GOODBYE.read(env),
      creditsGoodbye: V.AGENTLINE_CREDITS_GOODBYE.read(env),
      simRingMs: V.AGENTLINE_SIM_RING_MS.read(env),
    },
    speech: {
      baseUrl: V.AGENTLINE_SPEECH_BASE_URL.read(env) ?? V.OPENAI_BASE_URL.read(env),
      apiKey: V.AGENTLINE_SPEECH_API_KEY.read(env) ?? V.OPENAI_API_KEY.read(env),
      sttModel: V.AGENTLINE_STT_MODEL.read(env),
      ttsModel: V.AGENTLINE_TTS_MODEL.read(env),
      ttsVoice: V.AGENTLINE_TTS_VOICE.read(env),
      sttTimeoutMs: V.AGENTLINE_STT_TIMEOUT_MS.read(env),
      ttsTimeoutMs: V.AGENTLINE_TTS_TIMEOUT_MS.read(env),
      promptCacheDir: promptCacheDirOf(V.AGENTLINE_PROMPT_CACHE_DIR.read(env), V.AGENTLINE_DB.read(env)),
    },
    realtime: {
      url: V.AGENTLINE_REALTIME_URL.read(env) ?? realtimeUrlFrom(V.OPENAI_BASE_URL.read(env) ?? 'https://api.openai.com/v1'),
      model: V.AGENTLINE_REALTIME_MODEL.read(env),
      apiKey: V.OPENAI_API_KEY.read(env),
      connectTimeoutMs: V.AGENTLINE_REALTIME_CONNECT_TIMEOUT_MS.read(env),
    },
  };
}

/** The Realtime socket beside an OpenAI-compatible base URL: http→ws, https→wss, plus /realtime. */
export function realtimeUrlFrom(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/realtime`;
  return url.toString();
}
