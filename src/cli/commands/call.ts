import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readWav } from '../../media/wav.js';
import { runMediaCall } from '../../softphone/media-call-cli.js';
import { runSoftphone } from '../../softphone/softphone-cli.js';
import { CliError, EXIT } from '../exit-codes.js';
import { gatewayClient, refusal, requireTestKey, unreachable } from '../gateway-client.js';
import { URL_HELP, defaultGatewayUrl, keyFrom, parsePhone, parseSeconds, parseUrl } from '../options.js';
import type { CommandResult, Done } from '../result.js';

interface CallOptions {
  listen?: boolean;
  from?: string;
  key?: string;
  url?: string;
  audio?: string;
  record?: string;
  hangupAfter?: number;
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
    .option('--audio <in.wav>', 'call a stream- or realtime-mode number as a phone: play this WAV (any rate), then silence')
    .option('--record <out.wav>', "with --audio: write the agent's audio to this WAV (8 kHz mono, 16-bit)")
    .option('--hangup-after <seconds>', 'with --audio: hang up after this many seconds (default: when the call ends or Ctrl-C)', parseSeconds)
    .addHelpText(
      'after',
      '\nType and press Enter to speak; /dtmf 123 presses keys; /hangup or Ctrl-D hangs up. Piped input is said one\n' +
        'line per agent reply. With --audio the call carries audio (stream and realtime numbers): the file plays in real time\n' +
        'and the transcript prints as it happens. Exit status: 0 when the call connected and ended, 1 when it was\n' +
        'refused or failed.',
    )
    .action((number: string, o: CallOptions) => done(call(number, o)));
}

async function call(number: string, o: CallOptions): Promise<CommandResult> {
  const key = keyFrom(o.key);
  if (!key) throw new CliError('pass --key al_test_... or set AGENTLINE_KEY (the key `agentline serve` printed).', EXIT.usage);
  const baseUrl = o.url ?? defaultGatewayUrl();
  // Checked over plain HTTP first: a wrong key or a stopped gateway gets a clear line, not a
  // failed WebSocket handshake.
  if (o.audio === undefined && (o.record !== undefined || o.hangupAfter !== undefined)) {
    throw new CliError('--record and --hangup-after go with --audio <in.wav>.', EXIT.usage);
  }
  if (o.audio !== undefined && o.listen) throw new CliError('--audio calls a number; it does not go with --listen.', EXIT.usage);
  const wav = o.audio === undefined ? undefined : await readAudio(o.audio);
  await requireTestKey(gatewayClient(baseUrl, key));
  const out = (s: string) => void process.stdout.write(s);
  try {
    if (wav) return await runMediaCall({ baseUrl, key, number, from: o.from, wav, recordPath: o.record, hangupAfterMs: o.hangupAfter && o.hangupAfter * 1000, out });
    return await runSoftphone({ baseUrl, key, number, listen: o.listen === true, from: o.from, out });
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

/** Reads and checks the caller's WAV before anything is dialled: a bad file is a usage error. */
async function readAudio(path: string): Promise<Buffer> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (e) {
    throw new CliError(`cannot read --audio ${path}: ${(e as Error).message}`, EXIT.usage);
  }
  try {
    readWav(file);
  } catch (e) {
    throw new CliError(`--audio ${path} is not a WAV file we can play: ${(e as Error).message}`, EXIT.usage);
  }
  return file;
}
