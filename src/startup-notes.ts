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

/**
 * The V8 thread pool size this process was started with (`--v8-pool-size=N` on the command line
 * or in NODE_OPTIONS; the command line wins), or null for Node's default of 4.
 */
export function v8PoolSize(execArgv: readonly string[], nodeOptions: string | undefined): number | null {
  const find = (args: readonly string[]): number | null => {
    let size: number | null = null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = a.startsWith('--v8-pool-size=') ? a.slice('--v8-pool-size='.length) : a === '--v8-pool-size' ? args[i + 1] : undefined;
      if (value !== undefined && /^\d+$/.test(value)) size = Number(value);
    }
    return size;
  };
  return find(execArgv) ?? find((nodeOptions ?? '').split(/\s+/).filter(Boolean));
}

/**
 * Says how many threads V8 has for its background work. The GC's concurrent marking takes every
 * pool thread at once; with Node's default of 4 on a machine of 2 cores that crowded the call loop
 * off the CPU for a tenth of a second at a time (README, Performance), so `npm start` and the
 * Docker image start the gateway with one, and a gateway started without says how.
 */
export function describeGcThreads(size: number | null): string {
  if (size !== null) return `V8 background threads: ${size === 0 ? "Node's estimate of the cores" : size} (--v8-pool-size=${size})`;
  return "V8 background threads: Node's default (4); on a machine of few cores start the gateway with `node --v8-pool-size=1 dist/cli.js serve` (as `npm start` and the Docker image do), or NODE_OPTIONS=--v8-pool-size=1, so the GC's concurrent marking cannot crowd calls off the cores";
}
