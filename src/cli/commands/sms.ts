import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { gatewayClient, requireTestKey } from '../gateway-client.js';
import { URL_HELP, defaultGatewayUrl, keyFrom, parsePhone, parseSeconds, parseUrl } from '../options.js';
import type { CommandResult, Done } from '../result.js';

interface SmsOptions {
  from: string;
  key?: string;
  url?: string;
  wait: number;
}

export function smsCommand(program: Command, done: Done): void {
  program
    .command('sms')
    .description("text a test-mode number and print its agent's reply")
    .argument('<number>', 'the test number, E.164 (+1415555...)', parsePhone)
    .argument('<text>', 'the message')
    .option('--from <number>', 'the number you text from', parsePhone, '+15555550100')
    .option('--key <key>', 'test API key (default: $AGENTLINE_KEY)')
    .option('--url <url>', URL_HELP, parseUrl)
    .option('--wait <seconds>', 'how long to wait for the reply', parseSeconds, 30)
    .addHelpText('after', '\nExit status: 0 when the agent replied, 1 otherwise (the reason is printed).')
    .action((number: string, text: string, o: SmsOptions) => done(sms(number, text, o)));
}

/** Texts a test number through the API (test keys) and waits for the agent's answer. */
async function sms(number: string, text: string, o: SmsOptions): Promise<CommandResult> {
  const key = keyFrom(o.key);
  if (!key) throw new CliError('pass --key al_test_... or set AGENTLINE_KEY (the key `agentline serve` printed).', EXIT.usage);
  const gw = gatewayClient(o.url ?? defaultGatewayUrl(), key);
  await requireTestKey(gw);
  const numbers = await gw.get<{ id: string }[]>(`/v1/numbers?status=active&phone_number=${encodeURIComponent(number)}`);
  if (numbers.length === 0) throw new CliError(`No active number ${number} in this key's workspace (see GET /v1/numbers).`);
  const numberId = numbers[0]!.id;
  const sent = await gw.post<{ id: string }>('/v1/sms/test-inbound', { to: numberId, from: o.from, body: text });
  process.stdout.write(`you (${o.from}) -> ${number}: ${text}\n`);
  const deadline = Date.now() + o.wait * 1000;
  while (Date.now() < deadline) {
    const replies = await gw.get<{ id: string; body: string }[]>(`/v1/sms?direction=outbound&counterpart=${encodeURIComponent(o.from)}&number_id=${numberId}&limit=5`);
    const reply = replies.find((r) => r.id > sent.id);
    if (reply) {
      process.stdout.write(`${number} -> you: ${reply.body}\n`);
      return EXIT.ok;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // Say why, when we can tell: an agent reply is an SMS, and SMS cost credits.
  const balance = await gw.get<{ balance_cents: number; prices: { sms_segment_cents: number } }>('/v1/credits/balance');
  if (balance.balance_cents < balance.prices.sms_segment_cents) {
    throw new CliError(`No reply: the balance ($${(balance.balance_cents / 100).toFixed(2)}) cannot pay for the agent's SMS. Buy credits with POST /v1/credits/purchase.`);
  }
  throw new CliError('No reply yet (the number may be on inbound_mode "off", or its agent failed); see GET /v1/sms.');
}
