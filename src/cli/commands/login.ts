import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { unreachable } from '../gateway-client.js';
import { URL_HELP, defaultGatewayUrl, parseUrl } from '../options.js';
import type { CommandResult, Done } from '../result.js';
import { writeEnvValues } from './login-env-file.js';

// `agentline login`: signs this machine's CLI in without copying a key around. Someone with a key
// mints a single-use install token (POST /v1/auth/install-token, 5 minutes); this command trades
// it for a key of its own (POST /v1/auth/install-token/exchange) and stores that key, and the
// gateway's URL, in the `.env` file the CLI already reads (AGENTLINE_KEY, AGENTLINE_URL), 0600.

interface LoginOptions {
  token?: string;
  url?: string;
  label?: string;
  envFile: string;
}

const mintCommand = (url: string) => `curl -X POST ${url}/v1/auth/install-token -H "Authorization: Bearer $AGENTLINE_KEY"`;

export function loginCommand(program: Command, done: Done): void {
  program
    .command('login')
    .description('sign the CLI in with a single-use install token; stores the new key in ./.env')
    .argument('[token]', 'the install token (ist_...); or use --token, or paste it when asked')
    .option('--token <token>', 'the install token (ist_...)')
    .option('--url <url>', URL_HELP, parseUrl)
    .option('--label <label>', 'what the new key is for, shown by `agentline keys list` (default: "CLI on <this host>")')
    .option('--env-file <path>', 'where to store AGENTLINE_KEY and AGENTLINE_URL (mode 0600)', '.env')
    .addHelpText(
      'after',
      '\nGet a token with any (not read-only) key of the workspace; it works once, for 5 minutes:\n' +
        `  ${mintCommand('http://127.0.0.1:3000')}\n` +
        'The new key has that key\'s workspace, mode and scopes. It is written to .env in the current directory\n' +
        '(the file agentline reads at start), with the gateway URL, so `agentline call` and `agentline sms` use them.\n' +
        'A variable set in the environment still wins over .env. Exit status: 0 signed in; 1 the token was refused\n' +
        'or the gateway could not be reached; 2 usage error.',
    )
    .action((token: string | undefined, o: LoginOptions) => done(login(token, o)));
}

/** The first line typed (a prompt on a terminal) or piped in. */
async function readToken(url: string): Promise<string> {
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    process.stderr.write(`Mint an install token with a key of your workspace (it works once, for 5 minutes):\n\n  ${mintCommand(url)}\n\n`);
  }
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stderr : undefined, terminal: interactive });
  try {
    return await new Promise<string>((resolveLine) => {
      rl.on('line', (line) => {
        if (line.trim() !== '') resolveLine(line.trim());
      });
      rl.on('close', () => resolveLine(''));
      if (interactive) {
        rl.setPrompt('Install token: ');
        rl.prompt();
      }
    });
  } finally {
    rl.close();
  }
}

interface Exchanged {
  access_token: string;
  key: { id: string; label: string; mode: string; scopes: string[] };
  workspace: { id: string; name: string };
}

async function exchange(url: string, token: string, label: string): Promise<Exchanged> {
  let res: Response;
  try {
    res = await fetch(`${url}/v1/auth/install-token/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, label }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw unreachable(url, e);
  }
  let json: { data?: Exchanged; error?: { code?: string; message?: string } };
  try {
    json = (await res.json()) as typeof json;
  } catch {
    throw new CliError(`The server at ${url} does not answer like an Agentline gateway (HTTP ${res.status}). Is --url right?`);
  }
  if (res.status === 401) {
    throw new CliError(`The gateway refused the install token (${json.error?.message ?? 'token_invalid'}). Mint a new one with: ${mintCommand(url)}`);
  }
  if (res.status === 429) throw new CliError(`Too many sign-in attempts from this address; retry in ${res.headers.get('retry-after') ?? 'a few'} s.`);
  if (!res.ok || !json.data) throw new CliError(`The gateway answered ${res.status} (${json.error?.code ?? ''}: ${json.error?.message ?? ''})`);
  return json.data;
}

async function login(argument: string | undefined, o: LoginOptions): Promise<CommandResult> {
  if (argument !== undefined && o.token !== undefined && argument !== o.token) throw new CliError('give the token once: as the argument or with --token.', EXIT.usage);
  const url = o.url ?? defaultGatewayUrl();
  const token = (argument ?? o.token ?? (await readToken(url))).trim();
  if (token === '') throw new CliError(`no install token given. Mint one with: ${mintCommand(url)}`, EXIT.usage);
  if (!token.startsWith('ist_')) throw new CliError('that is not an install token (they start with ist_); an API key goes in AGENTLINE_KEY directly.', EXIT.usage);

  const issued = await exchange(url, token, o.label?.trim() || `CLI on ${hostname()}`);
  const path = resolve(o.envFile);
  let write;
  try {
    write = writeEnvValues(path, { AGENTLINE_KEY: issued.access_token, AGENTLINE_URL: url });
  } catch (e) {
    // The token is spent: do not lose the key it bought.
    process.stderr.write(`agentline: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Your new key, shown only this once:\n\n    ${issued.access_token}\n\n`);
    return EXIT.failure;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`Signed in to workspace "${issued.workspace.name}" with a new ${issued.key.mode} key ${issued.key.id} ("${issued.key.label}"; scopes ${issued.key.scopes.join(', ')}).`);
  out(`${write.created ? 'Created' : 'Updated'} ${write.path} (mode 0600): AGENTLINE_KEY and AGENTLINE_URL=${url}.`);
  const fromEnvironment = process.env.AGENTLINE_KEY;
  if (fromEnvironment !== undefined && fromEnvironment !== write.previous.AGENTLINE_KEY && fromEnvironment !== issued.access_token) {
    process.stderr.write('agentline: warning: AGENTLINE_KEY is also set in your environment, which wins over .env; unset it to use the new key.\n');
  }
  return EXIT.ok;
}
