import { randomFillSync } from 'node:crypto';

// IDs are `<prefix>_<26 chars>`: 10 Crockford base32 characters of millisecond time followed by
// 16 random ones (80 bits), the ULID layout. Sorting ids sorts by creation time, which gives
// cursor pagination a stable, strictly increasing key; within one millisecond the random part
// is incremented so ids from one process stay ordered.

export const ID_PREFIXES = [
  'ws', 'key', 'req', 'num', 'call', 'turn', 'sms', 'wh', 'evt', 'whd', 'led',
  'conv', 'con', 'com', 'lead', 'deal', 'stage', 'task', 'act', 'queue', 'ticket', 'msg', 'cmt', 'inv', 'pay', 'rec', 'cus',
  'site', 'col', 'ent',
  'acct', 'je', 'jel', 'camp', 'post', 'rcpt',
  'agt', 'idn', 'svc', 'use',
  // assets, integrations, analytics governance, BI (issue 15)
  'asset', 'iet', 'aev', 'prop', 'ds', 'met', 'rpt', 'dash', 'exp', 'sched',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

// Random bytes are drawn 4 KB at a time (a call to the OS per 256 ids, not per id).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomDigits(): number[] {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const digits = new Array<number>(16);
  for (let i = 0; i < 16; i++) digits[i] = pool[poolAt + i]! & 31;
  poolAt += 16;
  return digits;
}

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return randomDigits(); // overflow after 2^80 ids in one ms: practically unreachable
}

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  if (nowMs <= lastTime) {
    lastRandom = increment(lastRandom);
    nowMs = lastTime;
  } else {
    lastTime = nowMs;
    lastRandom = randomDigits();
  }
  return `${prefix}_${encodeTime(nowMs)}${lastRandom.map((d) => ALPHABET[d]).join('')}`;
}

const ID_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` is shaped like an id of this prefix (cheap check before a lookup). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && ID_BODY.test(value.slice(prefix.length + 1));
}
