import { InvalidArgumentError } from 'commander';
import { isE164 } from '../crm/phones.js';
import { V } from '../config/variables.js';

// Option parsers shared by the commands: a bad value is a usage error (exit 2) naming the option.

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return Number(value);
}

export function parseUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new InvalidArgumentError('must be an absolute URL such as http://127.0.0.1:3000.');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidArgumentError('must be an http:// or https:// URL.');
  return value.replace(/\/+$/, '');
}

export function parsePhone(value: string): string {
  if (!isE164(value)) throw new InvalidArgumentError('must be an E.164 phone number such as +14155550123.');
  return value;
}

export function parseSeconds(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of seconds, at least 1.');
  return Number(value);
}

/** The gateway's URL: AGENTLINE_URL (what `agentline login` stores), else HOST and PORT as this machine reaches them, 0.0.0.0 meaning loopback. */
export function defaultGatewayUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = V.AGENTLINE_URL.read(env);
  if (configured !== undefined) return configured;
  const host = V.HOST.read(env);
  const port = V.PORT.read(env);
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

export const URL_HELP = 'gateway URL (default: $AGENTLINE_URL, else http://$HOST:$PORT, which is http://127.0.0.1:3000 when they are unset)';

/** The API key from --key or AGENTLINE_KEY. */
export function keyFrom(option: string | undefined): string | undefined {
  return option ?? V.AGENTLINE_KEY.read(process.env);
}
