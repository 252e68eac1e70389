import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

// The speech endpoints of the `stream` media mode: their own variables, else the agent model's
// OpenAI endpoint, so one OPENAI_API_KEY is enough to try stream calls against OpenAI.

describe('speech endpoint configuration', () => {
  it('defaults to the OpenAI endpoint and the small OpenAI speech models', () => {
    const { speech } = loadConfig({ OPENAI_API_KEY: 'sk-main', OPENAI_BASE_URL: 'http://127.0.0.1:9000/v1' });
    expect(speech).toEqual({
      baseUrl: 'http://127.0.0.1:9000/v1',
      apiKey: 'sk-main',
      sttModel: 'gpt-4o-mini-transcribe',
      ttsModel: 'gpt-4o-mini-tts',
      ttsVoice: 'alloy',
      sttTimeoutMs: 5000,
      ttsTimeoutMs: 3000,
      promptCacheDir: join('data', 'prompt-cache'),
    });
    expect(loadConfig({}).speech).toMatchObject({ baseUrl: undefined, apiKey: undefined });
  });

  it('points speech at a self-hosted server of its own', () => {
    const { speech, openai } = loadConfig({
      OPENAI_API_KEY: 'sk-main',
      OPENAI_BASE_URL: 'https://api.openai.com/v1',
      AGENTLINE_SPEECH_BASE_URL: 'http://speech.internal:8000/v1/',
      AGENTLINE_SPEECH_API_KEY: 'local',
      AGENTLINE_STT_MODEL: 'Systran/faster-whisper-small',
      AGENTLINE_TTS_MODEL: 'kokoro',
      AGENTLINE_TTS_VOICE: 'af_heart',
      AGENTLINE_STT_TIMEOUT_MS: '8000',
      AGENTLINE_TTS_TIMEOUT_MS: '1500',
      AGENTLINE_PROMPT_CACHE_DIR: '/var/cache/agentline-prompts',
    });
    expect(speech).toEqual({
      baseUrl: 'http://speech.internal:8000/v1',
      apiKey: 'local',
      sttModel: 'Systran/faster-whisper-small',
      ttsModel: 'kokoro',
      ttsVoice: 'af_heart',
      sttTimeoutMs: 8000,
      ttsTimeoutMs: 1500,
      promptCacheDir: '/var/cache/agentline-prompts',
    });
    expect(openai).toMatchObject({ apiKey: 'sk-main', baseUrl: 'https://api.openai.com/v1' });
  });

  it('keeps rendered prompts beside the database file, or nowhere for an in-memory one', () => {
    expect(loadConfig({ AGENTLINE_DB: '/srv/agentline/gw.db' }).speech.promptCacheDir).toBe('/srv/agentline/prompt-cache');
    expect(loadConfig({ AGENTLINE_DB: ':memory:' }).speech.promptCacheDir).toBeNull();
    expect(loadConfig({ AGENTLINE_DB: ':memory:', AGENTLINE_PROMPT_CACHE_DIR: '/tmp/prompts' }).speech.promptCacheDir).toBe('/tmp/prompts');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ AGENTLINE_SPEECH_BASE_URL: 'speech.internal' })).toThrow(ConfigError);
    expect(() => loadConfig({ AGENTLINE_SPEECH_BASE_URL: 'speech.internal' })).toThrow(/AGENTLINE_SPEECH_BASE_URL/);
    expect(() => loadConfig({ AGENTLINE_STT_TIMEOUT_MS: '0' })).toThrow(/AGENTLINE_STT_TIMEOUT_MS/);
    expect(() => loadConfig({ AGENTLINE_TTS_TIMEOUT_MS: 'soon' })).toThrow(/AGENTLINE_TTS_TIMEOUT_MS/);
  });
});
