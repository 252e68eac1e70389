import type { ToolCall } from '../../agents/agent.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../clock.js';
import { ApiError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { listOpenTicketsForContact, createTicketInternal } from '../../support/tickets/ticket-service.js';
import { createTaskInternal } from '../../tasks/task-service.js';
import { logActivity } from '../people/activities/activity-service.js';
import { findContactByPhone } from '../people/contacts/contact-lookup.js';
import { listContacts } from '../people/contacts/contact-repository.js';
import type { ContactsTable } from '../../db/schema-crm.js';
import { CREATE_TASK, CREATE_TICKET, LOG_NOTE, LOOKUP_CONTACT } from './crm-tool-definitions.js';

// Runs the CRM tools a managed agent calls during a call or an SMS thread, in the caller's
// workspace. Results go back to the model as short JSON; every use is kept on the timeline as an
// `agent_action` activity (on the contact when known, else on the call or message).

export interface CrmToolContext {
  scope: Scope;
  channel: 'phone' | 'sms';
  contactId: string | null;
  /** The call (phone) or inbound message (sms) the agent is handling. */
  related: { type: 'call' | 'sms'; id: string };
}

type Args = Record<string, unknown>;
const str = (v: unknown, max = 2000) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

async function contactSummary(db: Db, scope: Scope, c: ContactsTable, now: Date) {
  const open = await listOpenTicketsForContact(db, scope, c.id, 3, now);
  return {
    id: c.id, name: c.name, email: c.email, company: c.company_name, phones: JSON.parse(c.phones) as string[],
    open_tickets: open.map((t) => ({ id: t.id, subject: t.subject, status: t.status })),
  };
}

export function createCrmToolRunner(deps: { db: Db; clock: Clock }, ctx: CrmToolContext): (call: ToolCall) => Promise<string> {
  const about = ctx.contactId ? { related_resource_type: 'contact' as const, related_resource_id: ctx.contactId } : { related_resource_type: ctx.related.type, related_resource_id: ctx.related.id };

  async function run(name: string, args: Args): Promise<unknown> {
    const at = deps.clock.now();
    switch (name) {
      case LOOKUP_CONTACT: {
        const phone = str(args.phone, 40);
        const query = str(args.query, 200);
        const found: ContactsTable[] = [];
        if (phone) {
          const c = await findContactByPhone(deps.db, ctx.scope, phone);
          if (c) found.push(c);
        }
        if (query && found.length === 0) found.push(...(await listContacts(deps.db, ctx.scope, { limit: 3 }, { query })));
        if (!phone && !query) return { error: 'give a phone or a query' };
        return { contacts: await Promise.all(found.slice(0, 3).map((c) => contactSummary(deps.db, ctx.scope, c, at))) };
      }
      case CREATE_TICKET: {
        const subject = str(args.subject, 200);
        if (!subject) return { error: 'subject is required' };
        const priority = ['low', 'normal', 'high', 'urgent'].includes(String(args.priority)) ? (args.priority as 'low') : undefined;
        const ticket = await deps.db.transaction().execute((trx) =>
          createTicketInternal(trx, ctx.scope, {
            subject,
            description: str(args.description),
            priority,
            category: str(args.category, 100),
            source: ctx.channel,
            contact_id: ctx.contactId ?? undefined,
            ...(ctx.related.type === 'call' ? { call_id: ctx.related.id } : {}),
          }, at),
        );
        return { ticket_id: ticket.id, status: ticket.status };
      }
      case CREATE_TASK: {
        const title = str(args.title, 200);
        if (!title) return { error: 'title is required' };
        const due = str(args.due_at, 40);
        const dueAt = due && !Number.isNaN(Date.parse(due)) ? new Date(due).toISOString() : undefined;
        const task = await deps.db.transaction().execute((trx) =>
          createTaskInternal(trx, ctx.scope, { title, description: str(args.description), due_at: dueAt, ...about }, at),
        );
        return { task_id: task.id, status: task.status };
      }
      case LOG_NOTE: {
        const summary = str(args.summary, 300);
        if (!summary) return { error: 'summary is required' };
        const note = await logActivity(deps.db, ctx.scope, { type: 'note', summary, body: str(args.body), ...about }, at);
        return { activity_id: note.id };
      }
      default:
        return { error: `unknown tool ${name}` };
    }
  }

  return async (call) => {
    let args: Args = {};
    try {
      args = call.function.arguments.trim() ? (JSON.parse(call.function.arguments) as Args) : {};
    } catch {
      return JSON.stringify({ error: 'arguments are not JSON' });
    }
    let result: unknown;
    try {
      result = await run(call.function.name, args);
    } catch (err) {
      result = { error: err instanceof ApiError ? err.message : 'the CRM could not do that' };
    }
    const text = JSON.stringify(result);
    await logActivity(
      deps.db,
      ctx.scope,
      {
        type: 'agent_action',
        summary: `Agent used ${call.function.name}`,
        body: `arguments: ${call.function.arguments}\nresult: ${text}`.slice(0, 4000),
        ...about,
        metadata: { tool: call.function.name, [`${ctx.related.type}_id`]: ctx.related.id },
      },
      deps.clock.now(),
    );
    return text;
  };
}
