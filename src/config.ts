// Configuration comes from environment variables only, parsed and validated once at boot.
// A bad value stops the process with a message naming the variable; nothing reads
// process.env anywhere else.

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

export interface Config {
  port: number;
  host: string;
  dbPath: string;
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
  voice: VoiceConfig;
  speech: SpeechConfig;
  /** Sent back when someone texts HELP to a number. */
  smsHelpReply: string;
  /** `credits.low` is emitted when a charge takes the balance below this, once per crossing. */
  lowBalanceCents: number;
  /** An SMS thread this long without a message is logged as one `sms` activity on its contact. */
  smsThreadQuietMs: number;
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

/** The `stream` media mode's speech endpoints: OpenAI or any server with its audio API. */
export interface SpeechConfig {
  /** AGENTLINE_SPEECH_BASE_URL, else OPENAI_BASE_URL (unset: api.openai.com). */
  baseUrl?: string;
  /** AGENTLINE_SPEECH_API_KEY, else OPENAI_API_KEY (a local server may need none). */
  apiKey?: string;
  /** AGENTLINE_STT_MODEL: `POST /audio/transcriptions` model. */
  sttModel: string;
  /** AGENTLINE_TTS_MODEL: `POST /audio/speech` model. */
  ttsModel: string;
  /** AGENTLINE_TTS_VOICE: the voice of numbers without a voice_id. */
  ttsVoice: string;
  /** AGENTLINE_STT_TIMEOUT_MS: one utterance, upload to transcript; then the turn has failed. */
  sttTimeoutMs: number;
  /** AGENTLINE_TTS_TIMEOUT_MS: request to first audio byte, and the longest gap between chunks. */
  ttsTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string): boolean {
  const raw = str(env, name);
  if (raw === undefined) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols = ['http:', 'https:']): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw.replace(/\/+$/, '');
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = str(env, 'HOST') ?? '127.0.0.1';
  const publicUrl = url(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;

  const accountSid = str(env, 'TWILIO_ACCOUNT_SID');
  const authToken = str(env, 'TWILIO_AUTH_TOKEN');
  if (accountSid !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'must look like AC followed by 32 hex characters');
  }
  if ((accountSid === undefined) !== (authToken === undefined)) {
    throw new ConfigError(
      accountSid === undefined ? 'TWILIO_ACCOUNT_SID' : 'TWILIO_AUTH_TOKEN',
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together',
    );
  }

  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }

  return {
    port,
    host,
    dbPath: str(env, 'AGENTLINE_DB') ?? './data/agentline.db',
    publicUrl,
    logLevel,
    twilio: {
      accountSid,
      authToken,
      apiBaseUrl: url(env, 'TWILIO_API_BASE_URL'),
      timeoutMs: int(env, 'TWILIO_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    openai: {
      apiKey: str(env, 'OPENAI_API_KEY'),
      baseUrl: url(env, 'OPENAI_BASE_URL'),
      model: str(env, 'OPENAI_MODEL') ?? 'gpt-4o-mini',
    },
    // Unset, it follows the listener: a gateway only reachable from this machine (the quickstart)
    // may call agents on this machine; one listening on the network may not.
    allowPrivateUrls: str(env, 'AGENTLINE_ALLOW_PRIVATE_URLS') === undefined ? isLoopbackHost(host) : bool(env, 'AGENTLINE_ALLOW_PRIVATE_URLS'),
    prices: {
      numberCents: int(env, 'AGENTLINE_PRICE_NUMBER_CENTS', 500, 0, 1_000_000),
      numberRenewalDays: int(env, 'AGENTLINE_NUMBER_RENEWAL_DAYS', 30, 1, 366),
      inboundMinuteCents: int(env, 'AGENTLINE_PRICE_INBOUND_MINUTE_CENTS', 3, 0, 100_000),
      outboundMinuteCents: int(env, 'AGENTLINE_PRICE_OUTBOUND_MINUTE_CENTS', 5, 0, 100_000),
      smsSegmentCents: int(env, 'AGENTLINE_PRICE_SMS_SEGMENT_CENTS', 1, 0, 100_000),
    },
    rateLimits: {
      windowSeconds: int(env, 'AGENTLINE_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      perKey: int(env, 'AGENTLINE_RATE_LIMIT_PER_KEY', 600, 1, 10_000_000),
      perWorkspace: int(env, 'AGENTLINE_RATE_LIMIT_PER_WORKSPACE', 3000, 1, 10_000_000),
      perIp: int(env, 'AGENTLINE_RATE_LIMIT_PER_IP', 3000, 1, 10_000_000),
    },
    maxPurchaseCents: int(env, 'AGENTLINE_MAX_PURCHASE_CENTS', 1_000_000, 1000, 100_000_000),
    renewalGraceDays: int(env, 'AGENTLINE_RENEWAL_GRACE_DAYS', 7, 0, 365),
    idempotencyTtlHours: int(env, 'AGENTLINE_IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
    smsHelpReply: str(env, 'AGENTLINE_SMS_HELP_REPLY') ?? 'This number is answered by an automated assistant. Reply STOP to unsubscribe. Msg & data rates may apply.',
    lowBalanceCents: int(env, 'AGENTLINE_LOW_BALANCE_CENTS', 500, 0, 100_000_000),
    smsThreadQuietMs: int(env, 'AGENTLINE_SMS_THREAD_QUIET_MINUTES', 10, 1, 7 * 24 * 60) * 60_000,
    voice: {
      firstTokenTimeoutMs: int(env, 'AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS', 5000, 100, 60_000),
      maxAgentFailures: int(env, 'AGENTLINE_AGENT_MAX_FAILURES', 3, 1, 20),
      billingMinuteMs: int(env, 'AGENTLINE_BILLING_MINUTE_MS', 60_000, 50, 60_000),
      agentConnectTimeoutMs: int(env, 'AGENTLINE_AGENT_CONNECT_TIMEOUT_MS', 3000, 100, 60_000),
      agentIdleTimeoutMs: int(env, 'AGENTLINE_AGENT_IDLE_TIMEOUT_MS', 15_000, 100, 300_000),
      fallbackLine: str(env, 'AGENTLINE_FALLBACK_LINE') ?? "Sorry, I'm having trouble right now. Could you say that again?",
      failureGoodbye: str(env, 'AGENTLINE_FAILURE_GOODBYE') ?? "I'm sorry, I can't continue this call right now. Please try again later. Goodbye.",
      creditsGoodbye: str(env, 'AGENTLINE_CREDITS_GOODBYE') ?? 'This call has reached its time limit. Goodbye.',
      simRingMs: int(env, 'AGENTLINE_SIM_RING_MS', 2000, 0, 60_000),
    },
    speech: {
      baseUrl: url(env, 'AGENTLINE_SPEECH_BASE_URL') ?? url(env, 'OPENAI_BASE_URL'),
      apiKey: str(env, 'AGENTLINE_SPEECH_API_KEY') ?? str(env, 'OPENAI_API_KEY'),
      sttModel: str(env, 'AGENTLINE_STT_MODEL') ?? 'gpt-4o-mini-transcribe',
      ttsModel: str(env, 'AGENTLINE_TTS_MODEL') ?? 'gpt-4o-mini-tts',
      ttsVoice: str(env, 'AGENTLINE_TTS_VOICE') ?? 'alloy',
      sttTimeoutMs: int(env, 'AGENTLINE_STT_TIMEOUT_MS', 5000, 100, 60_000),
      ttsTimeoutMs: int(env, 'AGENTLINE_TTS_TIMEOUT_MS', 3000, 100, 60_000),
    },
  };
}
