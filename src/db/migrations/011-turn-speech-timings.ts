import type { Kysely, Migration } from 'kysely';

// Per-turn timings of the gateway's own speech pipeline (`stream` calls): silence waited, STT,
// TTS first byte, and end of the caller's speech to the first agent audio. Null for relay calls.
const COLUMNS = ['endpointing_ms', 'stt_ms', 'tts_first_byte_ms', 'first_audio_ms'] as const;

export const turnSpeechTimings: Migration = {
  async up(db: Kysely<any>) {
    for (const c of COLUMNS) await db.schema.alterTable('call_turns').addColumn(c, 'integer').execute();
  },
  async down(db: Kysely<any>) {
    for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('call_turns').dropColumn(c).execute();
  },
};
