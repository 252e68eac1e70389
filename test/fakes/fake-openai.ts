import { startScriptedServer, type FakeServer } from './fake-sse-agent.js';

// An OpenAI-compatible endpoint on loopback for the real `openai` SDK: POST
// /v1/chat/completions answers with the scripted reply (same scripts as fake-sse-agent.ts);
// every other path is a 404. `url` is the base URL to hand the SDK (ends in /v1).

export type { FakeReply, RecordedRequest, ReplyScript, SseStep } from './fake-sse-agent.js';

export function startFakeOpenAI(): Promise<FakeServer> {
  return startScriptedServer(
    (req) => req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v1/chat/completions',
    '/v1',
  );
}
