import { createInterface } from 'node:readline';
import { SoftphoneClient } from './softphone-client.js';

// `agentline call NUMBER`: talk to the agent behind a test-mode number from the terminal.
// `agentline call --listen NUMBER`: become that phone number; test-mode outbound calls to it ring here.

export interface SoftphoneCliOptions {
  baseUrl: string;
  key: string;
  number: string;
  listen: boolean;
  from?: string;
  out: (s: string) => void;
  /**
   * Typed at a terminal, a line said over the agent barges in. Piped in (a script), lines wait
   * their turn: the first after the greeting, then one line per agent reply, and the call hangs
   * up only once the last line has been answered.
   */
  interactive?: boolean;
  input?: NodeJS.ReadableStream;
}

const HELP = 'Type and press Enter to speak; typing while the agent talks interrupts it. /dtmf 123 presses keys, /hangup (or Ctrl-D) hangs up.';

export async function runSoftphone(o: SoftphoneCliOptions): Promise<number> {
  const phone = await SoftphoneClient.connect(o.baseUrl, o.key);
  const rl = createInterface({ input: o.input ?? process.stdin, terminal: false });
  const interactive = o.interactive ?? process.stdin.isTTY === true;
  let inCall = false;
  // The gateway has sent the greeting and listens (`ready`): only now is a line the caller's turn.
  let listening = false;
  let ringing = false;
  let agentLine = false;
  let inputClosed = false;
  // Lines not said yet: typed before the call connected, or (piped) waiting for the agent's turn to end.
  const queue: string[] = [];
  let awaitingReply = false;

  const print = (s: string) => {
    if (agentLine) o.out('\n');
    agentLine = false;
    o.out(`${s}\n`);
  };

  phone.on('registered', (n) => print(`Listening as ${n}. Place a test call to it with POST /v1/calls. Ctrl-D quits.`));
  phone.on('incoming', (c) => {
    ringing = true;
    print(`Incoming call ${c.call_id} from ${c.from}. Press Enter to answer, type "reject" to decline.`);
  });
  phone.on('connected', (c) => {
    inCall = true;
    print(`Connected: ${c.call_id} (${c.direction}, ${c.from} -> ${c.to}). ${HELP}`);
  });
  phone.on('ready', () => {
    listening = true;
    pump();
  });
  phone.on('token', (t) => {
    if (!agentLine) o.out('agent: ');
    agentLine = true;
    o.out(t);
  });
  phone.on('turnEnd', () => {
    if (agentLine) o.out('\n');
    agentLine = false;
    awaitingReply = false;
    pump();
  });
  phone.on('end', (e) => print(e.transferTo ? `[the agent transferred the call to ${e.transferTo}]` : `[call ended: ${e.reason}]`));
  phone.on('failed', (e) => print(`error: ${e.message}`));
  phone.on('sms', (m) => print(`[sms from ${m.from}] ${m.body}`));
  phone.on('digits', (d) => print(`[the agent pressed ${d}]`));

  // The exit status: 0 only for a call that connected (listening: a registration) and ended
  // without the gateway refusing or failing it, so scripts can trust it.
  const status = { connected: false, refused: false };
  phone.on(o.listen ? 'registered' : 'connected', () => (status.connected = true));
  phone.on('end', (e) => (status.refused ||= e.reason.startsWith('refused_')));
  phone.on('failed', () => (status.refused = true));

  if (o.listen) phone.register(o.number);
  else phone.dial(o.number, o.from);

  /** Says one line to the call: speech, `/dtmf 123` or `/hangup`. */
  function say(text: string): void {
    if (text === '/hangup') return phone.hangup();
    awaitingReply = true;
    if (text.startsWith('/dtmf ')) return phone.dtmf(text.slice(6).replace(/[^0-9*#]/g, ''));
    agentLine = false;
    phone.say(text);
  }

  /** Says the next queued line when it is its turn; hangs up once piped input is used up and answered. */
  function pump(): void {
    if (!inCall || !listening) return;
    if (interactive) {
      for (const line of queue.splice(0)) say(line);
      return;
    }
    if (awaitingReply || phone.agentSpeaking) return;
    const next = queue.shift();
    if (next !== undefined) return say(next);
    if (inputClosed) phone.hangup();
  }

  rl.on('line', (line) => {
    const text = line.trim();
    if (ringing && !inCall) {
      ringing = false;
      if (text === 'reject') phone.reject();
      else phone.answer();
      return;
    }
    if (text === '') return;
    if (o.listen && !inCall) return;
    queue.push(text);
    pump();
  });
  rl.on('close', () => {
    inputClosed = true;
    if (interactive) phone.hangup();
    else pump();
  });

  await new Promise<void>((resolve) => phone.on('close', () => resolve()));
  rl.close();
  return status.connected && !status.refused ? 0 : 1;
}
