// Opt-out keywords users and carriers expect (CTIA; Twilio's default handling). A message that is
// exactly one of them, ignoring case, spaces and trailing punctuation, is a command, not a
// conversation turn.

export type Keyword = 'stop' | 'start' | 'help';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const HELP = new Set(['HELP', 'INFO']);

export function keywordOf(body: string): Keyword | null {
  const word = body.trim().replace(/[.!?]+$/, '').toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (HELP.has(word)) return 'help';
  return null;
}

export const STOP_CONFIRMATION = 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.';
export const START_CONFIRMATION = 'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe.';
