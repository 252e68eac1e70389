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
}

const HELP = 'Type and press Enter to speak; typing while the agent talks interrupts it. /dtmf 123 presses keys, /hangup (or Ctrl-D) hangs up.';

export async function runSoftphone(o: SoftphoneCliOptions): Promise<number> {
  const phone = await SoftphoneClient.connect(o.baseUrl, o.key);
  const rl = createInterface({ input: process.stdin, terminal: false });
  let inCall = false;
  let ringing = false;
  let agentLine = false;
  // Lines typed (or piped) before the call connects are said once it does.
  const early: string[] = [];

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
    for (const line of early.splice(0)) handleLine(line);
  });
  phone.on('token', (t) => {
    if (!agentLine) o.out('agent: ');
    agentLine = true;
    o.out(t);
  });
  phone.on('turnEnd', () => {
    if (agentLine) o.out('\n');
    agentLine = false;
  });
  phone.on('end', (e) => print(e.transferTo ? `[the agent transferred the call to ${e.transferTo}]` : `[call ended: ${e.reason}]`));
  phone.on('failed', (e) => print(`error: ${e.message}`));
  phone.on('sms', (m) => print(`[sms from ${m.from}] ${m.body}`));

  if (o.listen) phone.register(o.number);
  else phone.dial(o.number, o.from);

  function handleLine(line: string): void {
    const text = line.trim();
    if (ringing && !inCall) {
      ringing = false;
      if (text === 'reject') phone.reject();
      else phone.answer();
      return;
    }
    if (!inCall && !o.listen) {
      early.push(line);
      return;
    }
    if (!inCall || text === '') return;
    if (text === '/hangup') return phone.hangup();
    if (text.startsWith('/dtmf ')) return phone.dtmf(text.slice(6).replace(/[^0-9*#]/g, ''));
    agentLine = false;
    phone.say(text);
  }
  rl.on('line', handleLine);
  rl.on('close', () => {
    // Piped input: hang up only after what was queued has been said and answered.
    if (early.length === 0) phone.hangup();
    else phone.once('connected', () => setTimeout(() => phone.hangup(), 3000));
  });

  await new Promise<void>((resolve) => phone.on('close', () => resolve()));
  rl.close();
  return 0;
}
