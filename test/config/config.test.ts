import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePrivateUrlRule, loadConfig } from '../../src/config.js';
import { renderEnvExample, withReadmeTable } from '../../src/config/docs.js';
import { malformedEnvLines, unknownNames } from '../../src/config/env-file.js';
import { VARIABLES } from '../../src/config/variables.js';
import { createHarness, type Harness } from '../helpers/harness.js';

describe('outbound URL rule by default', () => {
  const allowed = (env: Record<string, string>) => loadConfig(env).allowPrivateUrls;

  it('allows private addresses only when nothing outside this machine can reach the gateway', () => {
    expect(allowed({})).toBe(true); // the quickstart: 127.0.0.1, PUBLIC_URL http://localhost:3000
    expect(allowed({ PUBLIC_URL: 'http://127.0.0.1:3000' })).toBe(true);
    expect(allowed({ HOST: '::1', PUBLIC_URL: 'http://[::1]:3000' })).toBe(true);
    // Loopback behind a tunnel or a reverse proxy: reachable from outside.
    expect(allowed({ PUBLIC_URL: 'https://agents.example.com' })).toBe(false);
    expect(allowed({ PUBLIC_URL: 'https://abc123.ngrok-free.app' })).toBe(false);
    expect(allowed({ PUBLIC_URL: 'http://192.168.1.20:3000' })).toBe(false);
    // Listening on the network, whatever PUBLIC_URL says.
    expect(allowed({ HOST: '0.0.0.0' })).toBe(false);
    expect(allowed({ HOST: '0.0.0.0', PUBLIC_URL: 'http://localhost:3000' })).toBe(false);
  });

  it('the explicit setting wins either way', () => {
    expect(allowed({ PUBLIC_URL: 'https://agents.example.com', AGENTLINE_ALLOW_PRIVATE_URLS: 'true' })).toBe(true);
    expect(allowed({ AGENTLINE_ALLOW_PRIVATE_URLS: 'false' })).toBe(false);
    expect(() => loadConfig({ AGENTLINE_ALLOW_PRIVATE_URLS: 'maybe' })).toThrow(/AGENTLINE_ALLOW_PRIVATE_URLS: must be true or false/);
  });

  it('says which rule is in force and why', () => {
    expect(describePrivateUrlRule(loadConfig({}))).toBe('customer URLs: private addresses allowed (HOST and PUBLIC_URL are loopback)');
    expect(describePrivateUrlRule(loadConfig({ PUBLIC_URL: 'https://agents.example.com' }))).toBe(
      'customer URLs: private addresses refused (PUBLIC_URL https://agents.example.com is public; set AGENTLINE_ALLOW_PRIVATE_URLS=true to allow)',
    );
    expect(describePrivateUrlRule(loadConfig({ HOST: '0.0.0.0' }))).toBe(
      'customer URLs: private addresses refused (HOST 0.0.0.0 is reachable from the network; set AGENTLINE_ALLOW_PRIVATE_URLS=true to allow)',
    );
    expect(describePrivateUrlRule(loadConfig({ HOST: '0.0.0.0', AGENTLINE_ALLOW_PRIVATE_URLS: 'true' }))).toBe('customer URLs: private addresses allowed (AGENTLINE_ALLOW_PRIVATE_URLS=true)');
    expect(describePrivateUrlRule(loadConfig({ AGENTLINE_ALLOW_PRIVATE_URLS: 'false' }))).toBe('customer URLs: private addresses refused (AGENTLINE_ALLOW_PRIVATE_URLS=false)');
  });

  describe('through the API', () => {
    let h: Harness;
    const provision = async (env: Record<string, string>, webhookUrl: string) => {
      // '' unsets the harness's explicit AGENTLINE_ALLOW_PRIVATE_URLS=true: the default rule applies.
      h = await createHarness({ env: { AGENTLINE_ALLOW_PRIVATE_URLS: '', ...env } });
      try {
        const api = h.api(await h.key());
        await api.post('/v1/credits/purchase', { amount_cents: 1000 });
        return await api.post('/v1/numbers', { webhook_url: webhookUrl });
      } finally {
        await h.close();
      }
    };

    it('a gateway behind a tunnel refuses a webhook on the metadata address; the quickstart allows loopback agents', async () => {
      const refused = await provision({ PUBLIC_URL: 'https://agents.example.com' }, 'http://169.254.169.254/latest/meta-data');
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toContain('webhook_url');
      const local = await provision({}, 'http://127.0.0.1:4000/agent');
      expect(local.status).toBe(201);
    });
  });
});

describe('configuration docs', () => {
  it('.env.example and the README table are generated from the declarations (run npm run gen:config-docs)', () => {
    expect(readFileSync('.env.example', 'utf8')).toBe(renderEnvExample(VARIABLES));
    const readme = readFileSync('README.md', 'utf8');
    expect(withReadmeTable(readme, VARIABLES)).toBe(readme);
  });

  it('loadConfig reads only declared variables, and documents each one', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_t, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(env);
    const declared = new Set(VARIABLES.map((v) => v.name));
    expect([...read].filter((n) => !declared.has(n))).toEqual([]);
    for (const name of ['AGENTLINE_BILLING_MINUTE_MS', 'AGENTLINE_AGENT_CONNECT_TIMEOUT_MS', 'AGENTLINE_AGENT_IDLE_TIMEOUT_MS', 'AGENTLINE_IDEMPOTENCY_TTL_HOURS']) {
      expect(readFileSync('.env.example', 'utf8')).toContain(`# ${name}=`);
      expect(readFileSync('README.md', 'utf8')).toContain(`| \`${name}\` |`);
    }
  });

  it('the README table is one table: no blank line inside it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('<!-- config-table:start -->'), readme.indexOf('<!-- config-table:end -->'));
    expect(table.trim().split('\n').slice(1).every((l) => l.startsWith('|'))).toBe(true);
  });
});

describe('.env lines', () => {
  it('finds lines that are not NAME=value, outside quoted multi-line values', () => {
    const text = ['# comment', '', 'PORT=3000', 'export HOST=127.0.0.1', 'AGENTLINE_FALLBACK_LINE="two', 'lines"', 'PORT 3000', 'EMPTY='].join('\n');
    expect(malformedEnvLines(text)).toEqual([{ line: 7, text: 'PORT 3000' }]);
  });

  it('names settings that look like ours but that nothing reads', () => {
    expect(unknownNames('PORT=1\nAGENTLINE_DB=x\nAGENTLINE_BILING_MINUTE_MS=50\nOPENAI_APIKEY=sk\nMY_OWN=1\n')).toEqual(['AGENTLINE_BILING_MINUTE_MS', 'OPENAI_APIKEY']);
  });
});
