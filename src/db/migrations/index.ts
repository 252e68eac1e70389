import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './001-foundation.js';
import { calls } from './002-calls.js';
import { chat } from './003-chat.js';
import { webhooks } from './004-webhooks.js';
import { sms } from './005-sms.js';
import { crm } from './006-crm.js';
import { carrierIntents } from './007-carrier-intents.js';
import { phoneRegions } from './008-phone-regions.js';
import { chatClientIds } from './009-chat-client-ids.js';
import { mediaMode } from './010-media-mode.js';
import { turnSpeechTimings } from './011-turn-speech-timings.js';
import { recordings } from './012-recordings.js';
import { softphoneTickets } from './014-softphone-tickets.js';
import { cluster } from './016-cluster.js';
import { cms } from './019-cms.js';
import { customersInstallTokens } from './018-customers-install-tokens.js';
import { accountingMarketing } from './020-accounting-marketing.js';
import { agentsIdentityUsage } from './017-agents-identity-usage.js';
import { data } from './021-data.js';

// Versioned migrations, applied in name order at start (and by `agentline migrate`).
// Never edit a shipped migration: add the next one.
export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-calls': calls,
  '003-chat': chat,
  '004-webhooks': webhooks,
  '005-sms': sms,
  '006-crm': crm,
  '007-carrier-intents': carrierIntents,
  '008-phone-regions': phoneRegions,
  '009-chat-client-ids': chatClientIds,
  '010-media-mode': mediaMode,
  '011-turn-speech-timings': turnSpeechTimings,
  '012-recordings': recordings,
  '014-softphone-tickets': softphoneTickets,
  '016-cluster': cluster,
  '019-cms': cms,
  '018-customers-install-tokens': customersInstallTokens,
  '020-accounting-marketing': accountingMarketing,
  '017-agents-identity-usage': agentsIdentityUsage,
  '021-data': data,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
