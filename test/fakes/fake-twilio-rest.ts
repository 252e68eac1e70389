import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for Twilio's 2010-04-01 REST API, shaped the way the `twilio` SDK parses it
// (docs/carrier-protocols.md §5 "Shapes a fake server must return"):
//  - bodies are form-encoded with repeated names for arrays (StatusCallbackEvent=a&...=b);
//  - list pages answer 200 (the SDK throws on any other status) with the records under the single
//    non-meta key (`available_phone_numbers`, `messages`, `incoming_phone_numbers`, `calls`),
//    newest first, PageSize per page and `next_page_uri` to the next one (the SDK follows it);
//    creates answer 201; DELETE 204 with no body;
//  - errors are {code, message, more_info, status}, which the SDK turns into RestException;
//  - Basic auth AccountSid:AuthToken; wrong credentials → 401 / 20003 like Twilio.
// Point the gateway at it with TWILIO_API_BASE_URL = fake.baseUrl (see src/carriers/twilio/twilio-client.ts).
// Error codes for missing parameters follow Twilio's where known; they are not load-bearing.

export type FormParams = Record<string, string | string[]>;

export interface FakeRequest {
  method: string;
  path: string;
  params: FormParams;
  query: FormParams;
}

export interface FakeNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string | null;
  voiceMethod: string;
  smsUrl: string | null;
  smsMethod: string;
  statusCallback: string | null;
  statusCallbackMethod: string;
  dateCreated: string;
}

export interface FakeCall {
  sid: string;
  to: string;
  from: string;
  status: string;
  url: string | null;
  twiml: string | null;
  statusCallback: string | null;
  statusCallbackEvent: string[];
  /** Every parameter of the create request, as received. */
  params: FormParams;
  /** Parameters of each later POST /Calls/{CA}.json, in order. */
  updates: FormParams[];
  /** Seconds, once the call has ended (tests set it). */
  duration?: number | null;
  /** RFC 2822; set at create (tests that seed a call may leave it out). */
  dateCreated?: string;
}

export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback: string | null;
  mediaUrl: string[];
  numSegments: number;
  params: FormParams;
  dateCreated: string;
}

export interface FakeRecording {
  sid: string;
  callSid: string;
  /** The media Twilio serves at /Recordings/{RE}.wav (Basic auth, Range requests). */
  wav: Buffer;
  deleted: boolean;
}

export interface FakeFailure {
  status: number;
  code: number;
  message: string;
  /** Only fail a request with this HTTP method (GET, POST, DELETE). */
  method?: string;
  /** Carry the request out, then answer with the error anyway (an answer lost on the way back). */
  commit?: boolean;
}

export interface FakeTwilioRestOptions {
  accountSid: string;
  /** When set, Basic auth must carry exactly this token; otherwise any non-empty token passes. */
  authToken?: string;
  /** Area codes with no available numbers (the search returns an empty page). */
  unavailableAreaCodes?: string[];
}

export interface FakeTwilioRest {
  /** `http://127.0.0.1:<port>`: the SDK's `https://api.twilio.com` is rebased onto it. */
  baseUrl: string;
  requests: FakeRequest[];
  numbers: Map<string, FakeNumber>;
  calls: Map<string, FakeCall>;
  messages: Map<string, FakeMessage>;
  recordings: Map<string, FakeRecording>;
  /** Stores a finished recording of a call (what Twilio has once it POSTs `completed`). */
  addRecording(callSid: string, wav: Buffer): FakeRecording;
  /** The next request whose path matches answers with this error instead (one shot). */
  failNext(path: RegExp, failure: FakeFailure): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');
/** v2010 dates are RFC 2822: "Wed, 18 Aug 2010 20:20:06 +0000". */
const rfc2822 = (d = new Date()) => d.toUTCString().replace('GMT', '+0000');
const one = (p: FormParams, k: string): string | undefined => (Array.isArray(p[k]) ? (p[k] as string[])[0] : (p[k] as string | undefined));
const many = (p: FormParams, k: string): string[] => (p[k] === undefined ? [] : ([] as string[]).concat(p[k]!));

function parseForm(text: string): FormParams {
  const out: FormParams = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

// GSM-7 basic set (one septet) and its extension table (two septets); anything else forces UCS-2.
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXT = '^{}\\[~]|€\f';

/** SMS segments: GSM-7 160 (153 per part when split), else UCS-2 70 (67 per part, in UTF-16 units). */
export function smsSegments(body: string): number {
  let septets = 0;
  for (const ch of body) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXT.includes(ch)) septets += 2;
    else return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

export async function startFakeTwilioRest(options: FakeTwilioRestOptions): Promise<FakeTwilioRest> {
  const { accountSid } = options;
  const requests: FakeRequest[] = [];
  const numbers = new Map<string, FakeNumber>();
  const calls = new Map<string, FakeCall>();
  const messages = new Map<string, FakeMessage>();
  const recordings = new Map<string, FakeRecording>();
  const failures: Array<{ path: RegExp; failure: FakeFailure }> = [];
  const prefix = `/2010-04-01/Accounts/${accountSid}`;
  const owned = () => new Set([...numbers.values()].map((n) => n.phoneNumber));

  /** Numbers nobody owns in `areaCode`: +1 AAA 555 01xx, the fictional-use exchange. */
  function available(areaCode: string, count: number): string[] {
    if (!/^[2-9]\d\d$/.test(areaCode) || options.unavailableAreaCodes?.includes(areaCode)) return [];
    const taken = owned();
    const out: string[] = [];
    for (let i = 0; i < 100 && out.length < count; i++) {
      const n = `+1${areaCode}55501${String(i).padStart(2, '0')}`;
      if (!taken.has(n)) out.push(n);
    }
    return out;
  }

  const numberJson = (n: FakeNumber) => ({
    sid: n.sid, account_sid: accountSid, phone_number: n.phoneNumber, friendly_name: n.friendlyName,
    voice_url: n.voiceUrl, voice_method: n.voiceMethod, sms_url: n.smsUrl, sms_method: n.smsMethod,
    status_callback: n.statusCallback, status_callback_method: n.statusCallbackMethod,
    capabilities: { voice: true, SMS: true, MMS: true, fax: false },
    date_created: n.dateCreated, date_updated: rfc2822(), api_version: '2010-04-01',
    uri: `${prefix}/IncomingPhoneNumbers/${n.sid}.json`,
  });
  const callJson = (c: FakeCall) => ({
    sid: c.sid, account_sid: accountSid, status: c.status, direction: 'outbound-api', from: c.from, to: c.to,
    answered_by: null, duration: c.duration === undefined || c.duration === null ? null : String(c.duration), start_time: null, end_time: null, date_created: c.dateCreated ?? rfc2822(),
    api_version: '2010-04-01', uri: `${prefix}/Calls/${c.sid}.json`,
  });
  const messageJson = (m: FakeMessage) => ({
    sid: m.sid, account_sid: accountSid, status: m.status, direction: 'outbound-api', from: m.from, to: m.to,
    body: m.body, num_segments: String(m.numSegments), num_media: String(m.mediaUrl.length),
    error_code: null, error_message: null, price: null, date_created: m.dateCreated, date_sent: null,
    api_version: '2010-04-01', uri: `${prefix}/Messages/${m.sid}.json`,
  });

  function applyNumberFields(n: FakeNumber, p: FormParams) {
    const map: Array<[string, keyof FakeNumber]> = [
      ['FriendlyName', 'friendlyName'], ['VoiceUrl', 'voiceUrl'], ['VoiceMethod', 'voiceMethod'], ['SmsUrl', 'smsUrl'],
      ['SmsMethod', 'smsMethod'], ['StatusCallback', 'statusCallback'], ['StatusCallbackMethod', 'statusCallbackMethod'],
    ];
    for (const [param, field] of map) {
      const v = one(p, param);
      if (v !== undefined) (n as unknown as Record<string, string>)[field] = v;
    }
  }

  /**
   * One page of a list resource, newest first (creation order reversed), the way v2010 pages:
   * `PageSize`, `Page` and an opaque `PageToken`, and `next_page_uri` while more remain.
   */
  function listPage<T>(resource: string, key: string, all: T[], q: FormParams, filters: Record<string, (item: T) => string | null>): [number, unknown] {
    let items = [...all].reverse();
    for (const [param, get] of Object.entries(filters)) {
      const want = one(q, param);
      if (want !== undefined) items = items.filter((item) => get(item) === want);
    }
    const pageSize = Math.min(Math.max(Number(one(q, 'PageSize') ?? 50) || 50, 1), 1000);
    const page = Math.max(Number(one(q, 'Page') ?? 0) || 0, 0);
    const slice = items.slice(page * pageSize, (page + 1) * pageSize);
    const query = (n: number) => {
      const next = new URLSearchParams();
      for (const param of Object.keys(filters)) if (one(q, param) !== undefined) next.set(param, one(q, param)!);
      next.set('PageSize', String(pageSize));
      next.set('Page', String(n));
      if (n > 0) next.set('PageToken', `PA${n * pageSize}`);
      return `${prefix}/${resource}?${next}`;
    };
    const more = (page + 1) * pageSize < items.length;
    return [200, {
      [key]: slice, uri: query(page), first_page_uri: query(0), next_page_uri: more ? query(page + 1) : null,
      previous_page_uri: page > 0 ? query(page - 1) : null, page, page_size: pageSize, start: page * pageSize,
      end: page * pageSize + Math.max(slice.length - 1, 0),
    }];
  }

  function route(method: string, rest: string, p: FormParams, q: FormParams): [number, unknown] {
    const notFound = () => new HttpError(404, 20404, `The requested resource ${prefix}/${rest} was not found`);
    let m: RegExpExecArray | null;
    if (method === 'GET' && rest === 'AvailablePhoneNumbers/US/Local.json') {
      const areaCode = one(q, 'AreaCode') ?? '415';
      const pageSize = Math.min(Number(one(q, 'PageSize') ?? 50) || 50, 1000);
      const uri = `${prefix}/AvailablePhoneNumbers/US/Local.json?${new URLSearchParams(q as Record<string, string>)}`;
      const list = available(areaCode, pageSize).map((n) => ({
        friendly_name: `(${n.slice(2, 5)}) ${n.slice(5, 8)}-${n.slice(8)}`, phone_number: n, lata: '722',
        locality: 'Springfield', rate_center: 'SPFD', latitude: '37.77', longitude: '-122.41', region: 'CA',
        postal_code: '94103', iso_country: 'US', address_requirements: 'none', beta: false,
        capabilities: { voice: true, SMS: true, MMS: true, fax: false },
      }));
      return [200, {
        available_phone_numbers: list, uri, first_page_uri: uri, next_page_uri: null, previous_page_uri: null,
        page: 0, page_size: pageSize, start: 0, end: Math.max(list.length - 1, 0),
      }];
    }
    if (method === 'GET' && rest === 'IncomingPhoneNumbers.json') {
      return listPage('IncomingPhoneNumbers.json', 'incoming_phone_numbers', [...numbers.values()].map(numberJson), q, {
        FriendlyName: (n) => n.friendly_name, PhoneNumber: (n) => n.phone_number,
      });
    }
    if (method === 'GET' && rest === 'Messages.json') {
      return listPage('Messages.json', 'messages', [...messages.values()].map(messageJson), q, { To: (m) => m.to, From: (m) => m.from });
    }
    if (method === 'GET' && rest === 'Calls.json') {
      return listPage('Calls.json', 'calls', [...calls.values()].map(callJson), q, { To: (c) => c.to, From: (c) => c.from, Status: (c) => c.status });
    }
    if (method === 'POST' && rest === 'IncomingPhoneNumbers.json') {
      let phoneNumber = one(p, 'PhoneNumber');
      const areaCode = one(p, 'AreaCode');
      if (phoneNumber) {
        if (owned().has(phoneNumber)) throw new HttpError(400, 21422, `PhoneNumber ${phoneNumber} is not available.`);
      } else if (areaCode) {
        phoneNumber = available(areaCode, 1)[0];
        if (!phoneNumber) throw new HttpError(400, 21452, `No phone numbers found in area code ${areaCode}.`);
      } else {
        throw new HttpError(400, 21421, 'A PhoneNumber or AreaCode is required.');
      }
      const n: FakeNumber = {
        sid: sid('PN'), phoneNumber, friendlyName: phoneNumber, voiceUrl: null, voiceMethod: 'POST', smsUrl: null,
        smsMethod: 'POST', statusCallback: null, statusCallbackMethod: 'POST', dateCreated: rfc2822(),
      };
      applyNumberFields(n, p);
      numbers.set(n.sid, n);
      return [201, numberJson(n)];
    }
    if ((m = /^IncomingPhoneNumbers\/(PN\w+)\.json$/.exec(rest))) {
      const n = numbers.get(m[1]!);
      if (!n) throw notFound();
      if (method === 'GET') return [200, numberJson(n)];
      if (method === 'POST') return applyNumberFields(n, p), [200, numberJson(n)];
      if (method === 'DELETE') return numbers.delete(n.sid), [204, null];
    }
    if (method === 'POST' && rest === 'Calls.json') {
      const to = one(p, 'To');
      const from = one(p, 'From');
      if (!to) throw new HttpError(400, 21201, "No 'To' number is specified");
      if (!from) throw new HttpError(400, 21213, "No 'From' number is specified");
      if (!one(p, 'Url') && !one(p, 'Twiml') && !one(p, 'ApplicationSid')) {
        throw new HttpError(400, 21205, 'Url parameter is required. Please provide a Url, Twiml or ApplicationSid.');
      }
      const c: FakeCall = {
        sid: sid('CA'), to, from, status: 'queued', url: one(p, 'Url') ?? null, twiml: one(p, 'Twiml') ?? null,
        statusCallback: one(p, 'StatusCallback') ?? null, statusCallbackEvent: many(p, 'StatusCallbackEvent'),
        params: p, updates: [], dateCreated: rfc2822(),
      };
      calls.set(c.sid, c);
      return [201, callJson(c)];
    }
    if ((m = /^Calls\/(CA\w+)\.json$/.exec(rest))) {
      const c = calls.get(m[1]!);
      if (!c) throw notFound();
      if (method === 'GET') return [200, callJson(c)];
      if (method === 'POST') {
        const ended = ['completed', 'canceled', 'failed', 'busy', 'no-answer'].includes(c.status);
        const status = one(p, 'Status');
        const redirect = one(p, 'Twiml') ?? one(p, 'Url');
        if (ended && (status || redirect)) throw new HttpError(400, 21220, 'Call is not in-progress. Cannot redirect.');
        c.updates.push(p);
        if (status) c.status = status;
        if (one(p, 'Twiml')) c.twiml = one(p, 'Twiml')!;
        if (one(p, 'Url')) c.url = one(p, 'Url')!;
        return [200, callJson(c)];
      }
    }
    if (method === 'POST' && rest === 'Messages.json') {
      const to = one(p, 'To');
      const from = one(p, 'From') ?? one(p, 'MessagingServiceSid');
      const body = one(p, 'Body') ?? '';
      const mediaUrl = many(p, 'MediaUrl');
      if (!to) throw new HttpError(400, 21604, "A 'To' phone number is required.");
      if (!from) throw new HttpError(400, 21603, "A 'From' phone number is required.");
      if (!body && mediaUrl.length === 0) throw new HttpError(400, 21602, 'Message body is required.');
      const msg: FakeMessage = {
        sid: sid(mediaUrl.length ? 'MM' : 'SM'), to, from, body, status: 'queued',
        statusCallback: one(p, 'StatusCallback') ?? null, mediaUrl, numSegments: smsSegments(body), params: p, dateCreated: rfc2822(),
      };
      messages.set(msg.sid, msg);
      return [201, messageJson(msg)];
    }
    throw notFound();
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    if (status === 204) return void res.writeHead(204).end();
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }
  const sendError = (res: ServerResponse, e: HttpError | FakeFailure) =>
    send(res, e.status, { code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status: e.status });

  /** Recording media: binary, with one `Range: bytes=a-b` honoured as Twilio's media host does. */
  function serveRecording(res: ServerResponse, rec: FakeRecording, range: string | undefined) {
    const size = rec.wav.length;
    const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    if (!m) return void res.writeHead(200, { 'content-type': 'audio/x-wav', 'content-length': size, 'accept-ranges': 'bytes' }).end(rec.wav);
    const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
    const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (start >= size || end < start) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    res.writeHead(206, { 'content-type': 'audio/x-wav', 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` }).end(rec.wav.subarray(start, end + 1));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const params = parseForm(Buffer.concat(chunks).toString('utf8'));
    const query = parseForm(url.search.slice(1));
    requests.push({ method, path: url.pathname, params, query });

    const [user, ...pass] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /i, ''), 'base64').toString('utf8').split(':');
    const token = pass.join(':');
    if (user !== accountSid || !token || (options.authToken !== undefined && token !== options.authToken)) {
      return sendError(res, new HttpError(401, 20003, 'Authenticate'));
    }
    const i = failures.findIndex((f) => f.path.test(url.pathname) && (!f.failure.method || f.failure.method.toUpperCase() === method));
    if (i !== -1) {
      const { failure } = failures.splice(i, 1)[0]!;
      if (failure.commit) {
        try {
          route(method, url.pathname.slice(prefix.length + 1), params, query);
        } catch {
          // the error below is the answer either way
        }
      }
      return sendError(res, failure);
    }
    const rec = /^Recordings\/(RE\w+)\.(wav|json)$/.exec(url.pathname.slice(prefix.length + 1));
    if (url.pathname.startsWith(`${prefix}/`) && rec) {
      const found = recordings.get(rec[1]!);
      if (!found || found.deleted) return sendError(res, new HttpError(404, 20404, `The requested resource ${url.pathname} was not found`));
      if (method === 'GET' && rec[2] === 'wav') return serveRecording(res, found, req.headers.range);
      if (method === 'DELETE' && rec[2] === 'json') return (found.deleted = true), send(res, 204, null);
    }
    if (!url.pathname.startsWith(`${prefix}/`)) {
      return sendError(res, new HttpError(404, 20404, `The requested resource ${url.pathname} was not found`));
    }
    try {
      const [status, body] = route(method, url.pathname.slice(prefix.length + 1), params, query);
      send(res, status, body);
    } catch (err) {
      if (err instanceof HttpError) return sendError(res, err);
      send(res, 500, { code: 20500, message: String(err), more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    numbers,
    calls,
    messages,
    recordings,
    addRecording(callSid, wav) {
      const r: FakeRecording = { sid: sid('RE'), callSid, wav, deleted: false };
      recordings.set(r.sid, r);
      return r;
    },
    failNext(path, failure) {
      failures.push({ path, failure });
    },
    close() {
      // The SDK's agent keeps connections alive; drop them or close() waits for their timeout.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
