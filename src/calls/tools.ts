import type { ToolDefinition } from '../agents/agent.js';
import { DEFAULT_REGION, type PhoneContext, parsePhone } from '../phones/phone-number.js';

// Tools every agent is offered, managed or webhook. The gateway carries them out.

export const END_CALL = 'end_call';
export const TRANSFER_CALL = 'transfer_call';
export const SEND_DIGITS = 'send_digits';

export const CALL_TOOLS: ToolDefinition[] = [
  {
    type: 'function',
    function: {
      name: END_CALL,
      description: 'Say goodbye and hang up the call. Use when the conversation is over.',
      parameters: {
        type: 'object',
        properties: { goodbye: { type: 'string', description: 'The last sentence the caller hears.' } },
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: TRANSFER_CALL,
      description: 'Transfer the caller to a human or another phone number.',
      parameters: {
        type: 'object',
        properties: {
          to: { type: 'string', description: 'Phone number, best in E.164 format, e.g. +14155552671.' },
          message: { type: 'string', description: 'What to tell the caller before transferring.' },
        },
        required: ['to'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: SEND_DIGITS,
      description: 'Press keys on the phone (DTMF), e.g. to get through a phone menu on a call you placed. Use "w" for a half-second pause.',
      parameters: {
        type: 'object',
        properties: { digits: { type: 'string', description: 'Digits 0-9, * and #, with w for a pause, e.g. "1w23#".' } },
        required: ['digits'],
        additionalProperties: false,
      },
    },
  },
];


export type ToolAction =
  | { kind: 'end'; say: string }
  | { kind: 'transfer'; to: string; say: string }
  | { kind: 'digits'; digits: string }
  | { kind: 'invalid'; error: string };

/**
 * Interprets a tool call from the agent. Unknown tools and bad arguments are reported, not thrown.
 * `phones` is how the workspace reads numbers: agents say a transfer target in many forms.
 */
export function interpretToolCall(name: string, rawArguments: string, phones: PhoneContext = { defaultRegion: DEFAULT_REGION }): ToolAction {
  let args: Record<string, unknown> = {};
  try {
    args = rawArguments.trim() ? (JSON.parse(rawArguments) as Record<string, unknown>) : {};
  } catch {
    return { kind: 'invalid', error: `${name}: arguments are not JSON` };
  }
  if (name === END_CALL) {
    return { kind: 'end', say: typeof args.goodbye === 'string' && args.goodbye.trim() ? args.goodbye : 'Goodbye!' };
  }
  if (name === TRANSFER_CALL) {
    if (typeof args.to !== 'string') return { kind: 'invalid', error: `${name}: "to" must be a phone number` };
    const parsed = parsePhone(args.to, phones);
    if (!parsed.ok) return { kind: 'invalid', error: `${name}: "to" ${parsed.message}` };
    // A transfer dials the number itself; an extension would need digits sent after it answers.
    if (parsed.extension !== undefined) return { kind: 'invalid', error: `${name}: "to" has an extension (${parsed.extension}); transfer to the number itself` };
    return { kind: 'transfer', to: parsed.e164, say: typeof args.message === 'string' && args.message.trim() ? args.message : 'Transferring you now.' };
  }
  if (name === SEND_DIGITS) {
    const digits = typeof args.digits === 'string' ? args.digits.replace(/\s/g, '') : '';
    if (!/^[0-9*#w]{1,64}$/.test(digits)) return { kind: 'invalid', error: `${name}: "digits" may hold 0-9, *, # and w` };
    return { kind: 'digits', digits };
  }
  return { kind: 'invalid', error: `unknown tool ${name}` };
}
