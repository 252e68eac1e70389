import type { Command } from 'commander';
import { runSoftphone } from '../../softphone/softphone-cli.js';
import { CliError, EXIT } from '../exit-codes.js';
import { gatewayClient, refusal, requireTestKey, unreachable } from '../gateway-client.js';
import { URL_HELP, defaultGatewayUrl, keyFrom, parsePhone, parseUrl } from '../options.js';
import type { CommandResult, Done } from '../result.js';

interface CallOptions {
  listen?: boolean;
  from?: string;
  key?: string;
  url?: string;
}

export function callCommand(program: Command, done: Done): void {
  program
    .command('call')
    .description('talk to the agent behind a test-mode number from the terminal (the softphone)')
    .argument('<number>', 'the test number to call, E.164 (+1415555...)', parsePhone)
    .option('--listen', 'be that phone number instead: test-mode outbound calls to it ring here')
    .option('--from <number>', 'caller ID the agent sees (default: +15555550100)', parsePhone)
    .option('--key <key>', 'test API key (default: $AGENTLINE_KEY)')
    .option('--url <url>', URL_HELP, parseUrl)
    .addHelpText(
      'after',
      '\nType and press Enter to speak; /dtmf 123 presses keys; /hangup or Ctrl-D hangs up. Piped input is said one\n' +
        'line per agent reply. Exit status: 0 when the call connected and ended, 1 when it was refused or failed.',
    )
    .action((number: string, o: CallOptions) => done(call(number, o)));
}

async function call(number: string, o: CallOptions): Promise<CommandResult> {
  const key = keyFrom(o.key);
  if (!key) throw new CliError('pass --key al_test_... or set AGENTLINE_KEY (the key `agentline serve` printed).', EXIT.usage);
  const baseUrl = o.url ?? defaultGatewayUrl();
  // Checked over plain HTTP first: a wrong key or a stopped gateway gets a clear line, not a
  // failed WebSocket handshake.
  await requireTestKey(gatewayClient(baseUrl, key));
  try {
    return await runSoftphone({ baseUrl, key, number, listen: o.listen === true, from: o.from, out: (s) => process.stdout.write(s) });
  } catch (e) {
    const refused = /refused the softphone \((\d{3})\): (.*)$/s.exec((e as Error).message);
    if (refused) {
      let body: { error?: { code?: string; message?: string } } = {};
      try {
        body = JSON.parse(refused[2]!) as typeof body;
      } catch {
        // not our envelope: report the status alone
      }
      throw refusal(Number(refused[1]), body.error);
    }
    throw unreachable(baseUrl, e);
  }
}
