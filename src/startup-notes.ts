import type { Config } from './config.js';

// What the gateway says about itself at start: which agents can talk. A managed number with no
// model configured answers every turn with the fallback line, and nothing else would say why.

export function describeAgents(config: Pick<Config, 'openai'>): string {
  const { apiKey, baseUrl, model } = config.openai;
  if (apiKey === undefined && baseUrl === undefined) {
    return 'webhook agents: yes; managed agents: need OPENAI_API_KEY (or OPENAI_BASE_URL pointed at any OpenAI-compatible server)';
  }
  return `webhook agents: yes; managed agents: model ${model} at ${baseUrl ?? 'https://api.openai.com/v1'}`;
}
