import type { ToolCall, ToolDefinition } from '../agents/agent.js';
import type { Executor } from '../db/database.js';
import type { NumbersTable } from '../db/schema.js';
import type { Scope } from '../scope.js';
import type { NumberAgent } from '../agent-profiles/agent-overlay.js';

// What a conversation's agent is told and may use beyond call control, and what the rest of the
// product learns about a call, without the calls (and SMS) code knowing who provides it. The CRM
// implements this (crm/telephony/crm-turn-context.ts) and app.ts wires it in; the calls folder
// never imports the CRM.

export interface TurnContextRequest {
  scope: Scope;
  channel: 'phone' | 'sms';
  /** The CRM contact behind the other party, when known. */
  contactId: string | null;
  /** Managed agents get context and tools; webhook agents get ids and use the API themselves. */
  managed: boolean;
  /** The call or inbound message the agent is handling (tool uses are logged against it). */
  related: { type: 'call' | 'sms'; id: string };
  /** The reusable agent behind the number, when there is one (its tool switches, its knowledge collection). */
  agent?: NumberAgent | null;
}

export interface TurnContext {
  /** Appended to the number's system prompt (who the caller is, open tickets ...); null: nothing. */
  promptAddition: string | null;
  /** Tools offered beside the call-control tools. */
  tools: ToolDefinition[];
  /** Runs one of `tools`; its result goes back to the agent. Absent when `tools` is empty. */
  runTool?: (call: ToolCall) => Promise<string>;
}

export interface TurnContextProvider {
  /** The context of one conversation (a call, an SMS reply). */
  forConversation(req: TurnContextRequest): Promise<TurnContext>;
  /** The contact behind a phone number, read in `db` (a transaction, when the caller has one). */
  contactFor(db: Executor, scope: Scope, phone: string): Promise<string | null>;
  /** Someone with no contact reached the number (the CRM may open a lead, per the number's settings). */
  strangerReached(number: NumbersTable, phone: string, source: 'phone' | 'sms'): Promise<void>;
  /** An answered call is over and its record final (the CRM logs it on the contact's timeline). */
  callEnded(callId: string): Promise<void>;
}

/** Nothing beyond call control: for a gateway run without a CRM. */
export const NO_TURN_CONTEXT: TurnContextProvider = {
  forConversation: async () => ({ promptAddition: null, tools: [] }),
  contactFor: async () => null,
  strangerReached: async () => undefined,
  callEnded: async () => undefined,
};
