import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

// TwiML the gateway answers Twilio webhooks with, built with the SDK's VoiceResponse /
// MessagingResponse so attribute names and XML escaping match what Twilio parses
// (docs/carrier-protocols.md §1.1, §1.5, §4). Twilio ignores unknown attribute names silently, so
// test/carriers/twiml.test.ts pins the serialized XML.
//
// Two SDK quirks handled here:
//  - xmlbuilder throws on XML-invalid control characters in element text but writes them
//    unescaped into attribute values (producing XML Twilio cannot parse). All caller-supplied
//    text goes through `xmlSafe` first.
//  - `Say.language` is typed as a closed union; our language is a free BCP-47 string from the API.

type SayLanguage = NonNullable<VoiceResponse.SayAttributes['language']>;

export interface ConversationRelayOptions {
  /** wss://<public host>/carrier/twilio/relay: no query string (signature validation, §3.2). */
  relayUrl: string;
  /** `<Connect action>`: POSTed when the relay session ends (§1.5). */
  actionUrl: string;
  /** Spoken by Twilio as soon as the session starts; null/undefined/'' = none. */
  welcomeGreeting?: string | null;
  /** BCP-47, sets both TTS and STT language. */
  language: string;
  /** TTS voice id of the provider (an ElevenLabs voice id unless ttsProvider says otherwise). */
  voice?: string | null;
  ttsProvider?: string;
  /** Arrive in the `setup` message as `customParameters` (§1.2). */
  parameters: Record<string, string>;
  /** Record the call (Twilio, both tracks on two channels); the recording's status is POSTed here. */
  recordingStatusCallback?: string;
}

// Text that may appear in XML 1.0: drop C0 controls except tab/newline/CR, lone surrogates and
// U+FFFE/U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * `<Connect action method="POST"><ConversationRelay ...><Parameter/>...</ConversationRelay></Connect>`.
 *
 * ttsProvider is always written explicitly: Twilio's default provider has changed over time
 * (currently ElevenLabs [3p]) and a voice id is only meaningful for one provider. So:
 *  - ttsProvider given: used as is, with `voice` when set;
 *  - voice given, no ttsProvider: ElevenLabs (our voice ids are ElevenLabs ids);
 *  - neither: Google with no voice, i.e. Google's default voice for `language`, which exists for
 *    every language ConversationRelay supports.
 * dtmfDetection on (keypad input reaches the agent as `dtmf`); speech or keypad may interrupt
 * TTS playback, including the welcome greeting (`any`, Twilio's default, made explicit).
 * `events="speaker-events tokens-played"` asks for the `info` playback reports (§1.3) the relay
 * leg waits for before it ends a call after the last words (relay-leg.ts).
 */
export function connectConversationRelay(options: ConversationRelayOptions): string {
  const voice = options.voice ? options.voice : undefined;
  const ttsProvider = options.ttsProvider ?? (voice ? 'ElevenLabs' : 'Google');
  const response = new twilio.twiml.VoiceResponse();
  if (options.recordingStatusCallback) {
    // <Start><Recording> records from here to the end of the call, caller and agent on their
    // own channels, like the gateway's own recordings.
    response.start().recording({
      channels: 'dual',
      track: 'both',
      recordingStatusCallback: options.recordingStatusCallback,
      recordingStatusCallbackMethod: 'POST',
      recordingStatusCallbackEvent: ['completed', 'absent'],
    });
  }
  const relay = response.connect({ action: options.actionUrl, method: 'POST' }).conversationRelay({
    url: options.relayUrl,
    ...(options.welcomeGreeting ? { welcomeGreeting: xmlSafe(options.welcomeGreeting) } : {}),
    language: options.language,
    ttsProvider,
    ...(voice ? { voice } : {}),
    dtmfDetection: true,
    interruptible: 'any',
    welcomeGreetingInterruptible: 'any',
    events: 'speaker-events tokens-played',
  });
  for (const [name, value] of Object.entries(options.parameters)) {
    relay.parameter({ name: xmlSafe(name), value: xmlSafe(value) });
  }
  return response.toString();
}

export interface MediaStreamOptions {
  /** wss://<public host>/carrier/twilio/media: wss only, no query string (§2.1, §3.2). */
  streamUrl: string;
  /** Arrive in the `start` message as `start.customParameters` (§2.2). */
  parameters: Record<string, string>;
  /** Twilio POSTs stream-started / stream-stopped / stream-error here. */
  statusCallbackUrl?: string;
}

/**
 * `<Connect><Stream url><Parameter/>...</Stream></Connect>`: a bidirectional Media Stream (§2).
 * The greeting is not in the TwiML: the gateway speaks it through its own TTS on `start`. No
 * `track` attribute: a `<Connect>` stream carries the inbound track and takes our audio back.
 * Nothing follows `</Connect>`: the call ends through the REST API (Media Streams has no `end`).
 */
export function connectMediaStream(options: MediaStreamOptions): string {
  const response = new twilio.twiml.VoiceResponse();
  const stream = response.connect().stream({
    url: options.streamUrl,
    ...(options.statusCallbackUrl ? { statusCallback: options.statusCallbackUrl, statusCallbackMethod: 'POST' } : {}),
  });
  for (const [name, value] of Object.entries(options.parameters)) {
    stream.parameter({ name: xmlSafe(name), value: xmlSafe(value) });
  }
  return response.toString();
}

/** `<Say language>text</Say><Hangup/>`: a last sentence, then end the call. */
export function sayAndHangup(text: string, language: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ language: language as SayLanguage }, xmlSafe(text));
  response.hangup();
  return response.toString();
}

/** `<Dial callerId?>to</Dial>`: transfer the caller (after a relay session ended, §1.5). */
export function dialTransfer(to: string, callerId?: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.dial(callerId ? { callerId } : {}, xmlSafe(to));
  return response.toString();
}

/** `<Hangup/>`. */
export function hangup(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}

/** `<Response/>`: acknowledge a webhook without doing anything (SMS, status callbacks). */
export function empty(): string {
  return new twilio.twiml.VoiceResponse().toString();
}

/** `<Message>text</Message>`: reply to an inbound SMS (§4). */
export function messageReply(text: string): string {
  const response = new twilio.twiml.MessagingResponse();
  response.message(xmlSafe(text));
  return response.toString();
}
