import { integer, oneOf, optionalFlag, optionalText, optionalUrl, text } from './variable.js';

// Every environment variable Agentline reads, in the order the docs list them.

export const GROUP_TITLES = {
  listener: 'HTTP listener',
  storage: 'Storage',
  carrier: 'Real carrier (Twilio), used by live keys only',
  model: 'Managed agents: any OpenAI-compatible endpoint',
  security: 'Outbound URL safety',
  voice: 'Voice calls: agent deadlines and what the caller hears',
  speech: 'Speech endpoints of `stream` numbers: OpenAI or a self-hosted compatible server',
  realtime: 'Speech to speech (`realtime` numbers): an OpenAI Realtime-compatible WebSocket',
  prices: 'Prices (cents) and billing',
  limits: 'Rate limits and idempotency',
  sms: 'SMS and credits',
  cli: 'Command line (agentline call, sms, login, example-agent)',
  cluster: 'Several gateway nodes on one PostgreSQL database',
} as const;

export const V = {
  PORT: integer({ name: 'PORT', group: 'listener', default: 3000, min: 0, max: 65535, description: 'Port the gateway listens on; `agentline serve --port` overrides it' }),
  HOST: text({ name: 'HOST', group: 'listener', default: '127.0.0.1', description: 'Address the gateway listens on; `0.0.0.0` for every interface (the Docker image)' }),
  PUBLIC_URL: optionalUrl({
    name: 'PUBLIC_URL',
    group: 'listener',
    shownDefault: 'http://localhost:$PORT',
    description: 'The URL carriers (Twilio) reach this gateway at; used for callback URLs and signature checks',
  }),
  LOG_LEVEL: oneOf({ name: 'LOG_LEVEL', group: 'listener', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info', description: 'Log level (JSON lines on stdout)' }),

  AGENTLINE_DB: text({ name: 'AGENTLINE_DB', group: 'storage', default: './data/agentline.db', description: 'SQLite database file (`:memory:` for a throwaway one); its folder is created' }),
  AGENTLINE_DATABASE_URL: optionalUrl({
    name: 'AGENTLINE_DATABASE_URL',
    group: 'storage',
    protocols: ['postgres', 'postgresql'],
    description: 'PostgreSQL instead of SQLite (`postgres://user:password@host:5432/agentline`); set, AGENTLINE_DB is not used for the database. `?schema=name` keeps the tables in that schema',
  }),
  AGENTLINE_DATABASE_POOL_SIZE: integer({ name: 'AGENTLINE_DATABASE_POOL_SIZE', group: 'storage', default: 10, min: 1, max: 500, description: 'Connections each gateway process keeps to PostgreSQL' }),
  AGENTLINE_RECORDINGS_DIR: optionalText({
    name: 'AGENTLINE_RECORDINGS_DIR',
    group: 'storage',
    description: 'Where the gateway writes call recordings (`stream` and `realtime` calls); unset, `recordings/` beside AGENTLINE_DB. Created when needed',
  }),
  AGENTLINE_RECORDING_LINK_TTL_SECONDS: integer({ name: 'AGENTLINE_RECORDING_LINK_TTL_SECONDS', group: 'storage', default: 3600, min: 10, max: 7 * 86_400, description: 'How long a recording download link works' }),
  AGENTLINE_RECORDING_LINK_SECRET: optionalText({
    name: 'AGENTLINE_RECORDING_LINK_SECRET',
    group: 'storage',
    pattern: /^.{32,}$/,
    patternText: 'at least 32 characters',
    description: 'Signs recording download links (HMAC-SHA256); unset, the gateway makes one and keeps it in the database. Changing it ends every link handed out',
  }),
  AGENTLINE_ASSETS_DIR: optionalText({
    name: 'AGENTLINE_ASSETS_DIR',
    group: 'storage',
    description: 'Where uploaded assets and BI exports are stored; unset, `assets/` beside AGENTLINE_DB. Created when needed',
  }),
  AGENTLINE_ASSET_LINK_TTL_SECONDS: integer({ name: 'AGENTLINE_ASSET_LINK_TTL_SECONDS', group: 'storage', default: 900, min: 10, max: 7 * 86_400, description: 'How long an asset upload or download link works' }),
  AGENTLINE_ASSET_MAX_BYTES: integer({ name: 'AGENTLINE_ASSET_MAX_BYTES', group: 'storage', default: 100 * 1024 * 1024, min: 1024, max: 2 ** 40, description: 'Largest file one asset upload may hold' }),
  AGENTLINE_ASSETS_S3_BUCKET: optionalText({ name: 'AGENTLINE_ASSETS_S3_BUCKET', group: 'storage', description: 'Keep asset files in this S3-compatible bucket instead of AGENTLINE_ASSETS_DIR (uploads and downloads still go through the gateway\'s signed links); needs the two keys below' }),
  AGENTLINE_ASSETS_S3_ENDPOINT: optionalUrl({ name: 'AGENTLINE_ASSETS_S3_ENDPOINT', group: 'storage', shownDefault: 'https://s3.$REGION.amazonaws.com', description: 'S3-compatible endpoint (MinIO, R2 ...), addressed path-style (`<endpoint>/<bucket>/<key>`)' }),
  AGENTLINE_ASSETS_S3_REGION: text({ name: 'AGENTLINE_ASSETS_S3_REGION', group: 'storage', default: 'us-east-1', description: 'Region the bucket\'s requests are signed for (SigV4)' }),
  AGENTLINE_ASSETS_S3_ACCESS_KEY_ID: optionalText({ name: 'AGENTLINE_ASSETS_S3_ACCESS_KEY_ID', group: 'storage', description: 'Access key of the asset bucket' }),
  AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY: optionalText({ name: 'AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY', group: 'storage', description: 'Secret key of the asset bucket' }),
  AGENTLINE_ASSETS_S3_TIMEOUT_MS: integer({ name: 'AGENTLINE_ASSETS_S3_TIMEOUT_MS', group: 'storage', default: 30_000, min: 100, max: 600_000, description: 'Timeout of each request to the asset bucket (and the longest gap while streaming one)' }),

  TWILIO_ACCOUNT_SID: optionalText({ name: 'TWILIO_ACCOUNT_SID', group: 'carrier', pattern: /^AC[0-9a-fA-F]{32}$/, patternText: 'AC followed by 32 hex characters', description: 'Twilio account; set together with TWILIO_AUTH_TOKEN' }),
  TWILIO_AUTH_TOKEN: optionalText({ name: 'TWILIO_AUTH_TOKEN', group: 'carrier', description: 'Twilio auth token; also checks the signature of every carrier request' }),
  TWILIO_API_BASE_URL: optionalUrl({ name: 'TWILIO_API_BASE_URL', group: 'carrier', description: "Send the twilio SDK's REST requests to another base URL (Twilio-compatible carriers, tests)" }),
  TWILIO_TIMEOUT_MS: integer({ name: 'TWILIO_TIMEOUT_MS', group: 'carrier', default: 10_000, min: 100, max: 120_000, description: 'Timeout of each carrier REST request' }),

  OPENAI_API_KEY: optionalText({ name: 'OPENAI_API_KEY', group: 'model', description: 'API key of the model managed agents run on; without it (or OPENAI_BASE_URL) only webhook agents can talk' }),
  OPENAI_BASE_URL: optionalUrl({ name: 'OPENAI_BASE_URL', group: 'model', shownDefault: 'https://api.openai.com/v1', description: 'Any OpenAI-compatible server (a local one needs no key)' }),
  OPENAI_MODEL: text({ name: 'OPENAI_MODEL', group: 'model', default: 'gpt-4o-mini', description: 'Model managed agents use' }),

  AGENTLINE_ALLOW_PRIVATE_URLS: optionalFlag({
    name: 'AGENTLINE_ALLOW_PRIVATE_URLS',
    group: 'security',
    shownDefault: 'true only when HOST and PUBLIC_URL are both loopback',
    description: 'Let agent webhooks and event endpoints point at private, loopback or metadata addresses',
  }),

  AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS: integer({ name: 'AGENTLINE_AGENT_FIRST_TOKEN_TIMEOUT_MS', group: 'voice', default: 5000, min: 100, max: 60_000, description: 'No first token from the agent within this: the caller hears the fallback line' }),
  AGENTLINE_AGENT_MAX_FAILURES: integer({ name: 'AGENTLINE_AGENT_MAX_FAILURES', group: 'voice', default: 3, min: 1, max: 20, description: 'Failed agent turns in a row before the call is ended politely' }),
  AGENTLINE_AGENT_CONNECT_TIMEOUT_MS: integer({ name: 'AGENTLINE_AGENT_CONNECT_TIMEOUT_MS', group: 'voice', default: 3000, min: 100, max: 60_000, description: 'Webhook agents: connect timeout' }),
  AGENTLINE_AGENT_IDLE_TIMEOUT_MS: integer({ name: 'AGENTLINE_AGENT_IDLE_TIMEOUT_MS', group: 'voice', default: 15_000, min: 100, max: 300_000, description: "Webhook agents: the longest gap between two chunks of a reply" }),
  AGENTLINE_FALLBACK_LINE: text({ name: 'AGENTLINE_FALLBACK_LINE', group: 'voice', default: "Sorry, I'm having trouble right now. Could you say that again?", description: 'Said when the agent is late or fails' }),
  AGENTLINE_FAILURE_GOODBYE: text({ name: 'AGENTLINE_FAILURE_GOODBYE', group: 'voice', default: "I'm sorry, I can't continue this call right now. Please try again later. Goodbye.", description: 'Said before ending a call whose agent keeps failing' }),
  AGENTLINE_CREDITS_GOODBYE: text({ name: 'AGENTLINE_CREDITS_GOODBYE', group: 'voice', default: 'This call has reached its time limit. Goodbye.', description: 'Said when the balance cannot pay the next minute' }),
  AGENTLINE_SIM_RING_MS: integer({ name: 'AGENTLINE_SIM_RING_MS', group: 'voice', default: 2000, min: 0, max: 60_000, description: 'Test-mode outbound calls with no softphone listening ring this long, then end as no-answer' }),

  AGENTLINE_SPEECH_BASE_URL: optionalUrl({ name: 'AGENTLINE_SPEECH_BASE_URL', group: 'speech', shownDefault: '$OPENAI_BASE_URL', description: 'Base URL of `/audio/transcriptions` and `/audio/speech` (any OpenAI-compatible speech server)' }),
  AGENTLINE_SPEECH_API_KEY: optionalText({ name: 'AGENTLINE_SPEECH_API_KEY', group: 'speech', description: 'API key of the speech server; unset, OPENAI_API_KEY (a local server may need none)' }),
  AGENTLINE_STT_MODEL: text({ name: 'AGENTLINE_STT_MODEL', group: 'speech', default: 'gpt-4o-mini-transcribe', description: 'Transcription model (one request per caller utterance)' }),
  AGENTLINE_TTS_MODEL: text({ name: 'AGENTLINE_TTS_MODEL', group: 'speech', default: 'gpt-4o-mini-tts', description: 'Speech model (one request per clause of a reply)' }),
  AGENTLINE_TTS_VOICE: text({ name: 'AGENTLINE_TTS_VOICE', group: 'speech', default: 'alloy', description: 'Voice of `stream` numbers that have no `voice_id`' }),
  AGENTLINE_STT_TIMEOUT_MS: integer({ name: 'AGENTLINE_STT_TIMEOUT_MS', group: 'speech', default: 5000, min: 100, max: 60_000, description: 'A transcription slower than this is a failed turn: the caller hears the fallback prompt' }),
  AGENTLINE_TTS_TIMEOUT_MS: integer({ name: 'AGENTLINE_TTS_TIMEOUT_MS', group: 'speech', default: 3000, min: 100, max: 60_000, description: "Speech synthesis: the longest wait for the first audio byte, and between two chunks; then the caller hears the fallback prompt" }),
  AGENTLINE_PROMPT_CACHE_DIR: optionalText({ name: 'AGENTLINE_PROMPT_CACHE_DIR', group: 'speech', description: 'Where the lines you changed (fallback, goodbyes) are kept once rendered through TTS, so a restart does not render them again; unset, `prompt-cache/` beside AGENTLINE_DB' }),

  AGENTLINE_REALTIME_URL: optionalUrl({
    name: 'AGENTLINE_REALTIME_URL',
    group: 'realtime',
    shownDefault: '$OPENAI_BASE_URL with ws(s):// and /realtime',
    protocols: ['ws', 'wss'],
    description: 'WebSocket endpoint of the Realtime API (`ws://` or `wss://`); the model goes in `?model=`. The bearer key is OPENAI_API_KEY',
  }),
  AGENTLINE_REALTIME_MODEL: text({ name: 'AGENTLINE_REALTIME_MODEL', group: 'realtime', default: 'gpt-realtime', description: 'Speech-to-speech model of `realtime` numbers' }),
  AGENTLINE_REALTIME_CONNECT_TIMEOUT_MS: integer({ name: 'AGENTLINE_REALTIME_CONNECT_TIMEOUT_MS', group: 'realtime', default: 5000, min: 100, max: 60_000, description: 'Opening the Realtime socket (upgrade and `session.updated`) slower than this is a failure: the caller hears the fallback prompt and the gateway reconnects once' }),

  AGENTLINE_PRICE_NUMBER_CENTS: integer({ name: 'AGENTLINE_PRICE_NUMBER_CENTS', group: 'prices', default: 500, min: 0, max: 1_000_000, description: 'Monthly fee per number' }),
  AGENTLINE_NUMBER_RENEWAL_DAYS: integer({ name: 'AGENTLINE_NUMBER_RENEWAL_DAYS', group: 'prices', default: 30, min: 1, max: 366, description: 'Days between two monthly fees' }),
  AGENTLINE_RENEWAL_GRACE_DAYS: integer({ name: 'AGENTLINE_RENEWAL_GRACE_DAYS', group: 'prices', default: 7, min: 0, max: 365, description: 'Days a number may stay unpaid before it is released' }),
  AGENTLINE_PRICE_INBOUND_MINUTE_CENTS: integer({ name: 'AGENTLINE_PRICE_INBOUND_MINUTE_CENTS', group: 'prices', default: 3, min: 0, max: 100_000, description: 'Per inbound call minute' }),
  AGENTLINE_PRICE_OUTBOUND_MINUTE_CENTS: integer({ name: 'AGENTLINE_PRICE_OUTBOUND_MINUTE_CENTS', group: 'prices', default: 5, min: 0, max: 100_000, description: 'Per outbound call minute' }),
  AGENTLINE_PRICE_SMS_SEGMENT_CENTS: integer({ name: 'AGENTLINE_PRICE_SMS_SEGMENT_CENTS', group: 'prices', default: 1, min: 0, max: 100_000, description: 'Per SMS segment' }),
  AGENTLINE_MAX_PURCHASE_CENTS: integer({ name: 'AGENTLINE_MAX_PURCHASE_CENTS', group: 'prices', default: 1_000_000, min: 1000, max: 100_000_000, description: 'Most credits bought in one purchase' }),
  AGENTLINE_BILLING_MINUTE_MS: integer({ name: 'AGENTLINE_BILLING_MINUTE_MS', group: 'prices', default: 60_000, min: 50, max: 60_000, description: 'Length of a billed call minute; only tests shorten it' }),

  AGENTLINE_RATE_LIMIT_WINDOW_SECONDS: integer({ name: 'AGENTLINE_RATE_LIMIT_WINDOW_SECONDS', group: 'limits', default: 60, min: 1, max: 86_400, description: 'Rate-limit window' }),
  AGENTLINE_RATE_LIMIT_PER_KEY: integer({ name: 'AGENTLINE_RATE_LIMIT_PER_KEY', group: 'limits', default: 600, min: 1, max: 10_000_000, description: 'Requests per window per API key' }),
  AGENTLINE_RATE_LIMIT_PER_WORKSPACE: integer({ name: 'AGENTLINE_RATE_LIMIT_PER_WORKSPACE', group: 'limits', default: 3000, min: 1, max: 10_000_000, description: 'Requests per window per workspace' }),
  AGENTLINE_RATE_LIMIT_PER_IP: integer({ name: 'AGENTLINE_RATE_LIMIT_PER_IP', group: 'limits', default: 3000, min: 1, max: 10_000_000, description: 'Requests per window per client IP' }),
  AGENTLINE_IDEMPOTENCY_TTL_HOURS: integer({ name: 'AGENTLINE_IDEMPOTENCY_TTL_HOURS', group: 'limits', default: 24, min: 1, max: 24 * 30, description: 'How long an Idempotency-Key is remembered' }),
  AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE: integer({ name: 'AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE', group: 'limits', default: 10, min: 1, max: 10_000, description: 'Install-token exchanges (`agentline login`) allowed per client IP per minute, whatever their outcome' }),

  AGENTLINE_LOW_BALANCE_CENTS: integer({ name: 'AGENTLINE_LOW_BALANCE_CENTS', group: 'sms', default: 500, min: 0, max: 100_000_000, description: '`credits.low` fires when a charge takes the balance below this (once per crossing)' }),
  AGENTLINE_SMS_HELP_REPLY: text({
    name: 'AGENTLINE_SMS_HELP_REPLY',
    group: 'sms',
    default: 'This number is answered by an automated assistant. Reply STOP to unsubscribe. Msg & data rates may apply.',
    description: 'The answer to a text that says HELP',
  }),
  AGENTLINE_SMS_THREAD_QUIET_MINUTES: integer({ name: 'AGENTLINE_SMS_THREAD_QUIET_MINUTES', group: 'sms', default: 10, min: 1, max: 7 * 24 * 60, description: 'An SMS thread quiet this long is logged as one activity on its contact' }),

  AGENTLINE_KEY: optionalText({ name: 'AGENTLINE_KEY', group: 'cli', description: 'The API key `agentline call` and `agentline sms` use when `--key` is not given; `agentline login` writes it to `.env`' }),
  AGENTLINE_URL: optionalUrl({ name: 'AGENTLINE_URL', group: 'cli', shownDefault: 'http://$HOST:$PORT', description: 'The gateway `agentline call`, `sms` and `login` talk to when `--url` is not given; `agentline login` writes it to `.env`' }),
  AGENT_WEBHOOK_SECRET: optionalText({ name: 'AGENT_WEBHOOK_SECRET', group: 'cli', description: "`agentline example-agent` checks each request's signature with this number's `webhook_secret` (whsec_...)" }),

  AGENTLINE_NODE_ID: optionalText({
    name: 'AGENTLINE_NODE_ID',
    group: 'cluster',
    pattern: /^[A-Za-z0-9_-]{1,40}$/,
    patternText: '1 to 40 letters, digits, `-` or `_`',
    description: 'This node among several on one PostgreSQL database (unset: the host name and random bits, new at every start); keep it across restarts so a restarted node closes the calls its previous run held at once',
  }),
  AGENTLINE_REDIS_URL: optionalUrl({
    name: 'AGENTLINE_REDIS_URL',
    group: 'cluster',
    protocols: ['redis', 'rediss'],
    description: 'Several nodes: carry the bus between nodes and the rate-limit counters on Redis instead of PostgreSQL (LISTEN/NOTIFY and a table)',
  }),
  AGENTLINE_NODE_LEASE_SECONDS: integer({ name: 'AGENTLINE_NODE_LEASE_SECONDS', group: 'cluster', default: 15, min: 1, max: 600, description: "A node's calls are recovered by the others this long after it stops renewing its lease (it renews every third of it)" }),
  AGENTLINE_CLUSTER_TIMEOUT_MS: integer({ name: 'AGENTLINE_CLUSTER_TIMEOUT_MS', group: 'cluster', default: 3000, min: 100, max: 60_000, description: 'How long call control waits for the node holding a call (hang up through another node); past it the API answers 503' }),
  AGENTLINE_DRAIN_SECONDS: integer({ name: 'AGENTLINE_DRAIN_SECONDS', group: 'cluster', default: 30, min: 0, max: 3600, description: 'On SIGTERM a node takes no new calls and lets its calls finish this long; the rest go to recovery on another node (one node alone: they end)' }),
} as const;

export const VARIABLES = Object.values(V);
