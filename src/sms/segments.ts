import { SegmentedMessage } from 'sms-segments-calculator';

// SMS segments counted exactly as Twilio counts (and bills) them, by Twilio's own
// sms-segments-calculator. We bill per segment, so our count must be the carrier's, including
// the cases that a hand-written 160/153, 70/67 count gets wrong: an extension character (€, ^,
// {, ...) is never split across two GSM-7 segments, nor is a surrogate pair, a ZWJ sequence, a
// flag or a base character with its combining marks across UCS-2 segments, and a lone ESC
// (0x1B) is not GSM-7 text. The body is counted as sent: no Smart Encoding substitutions.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
}

export function countSegments(body: string): SegmentCount {
  const message = new SegmentedMessage(body, 'auto', false);
  return { encoding: message.encodingName, segments: message.segmentsCount };
}
