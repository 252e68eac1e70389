import type { Executor } from '../../db/database.js';
import type { Scope } from '../../scope.js';
import { listOpenTicketsForContact } from '../../support/tickets/ticket-service.js';

// What a managed agent is told about the person on the line: who they are, their company, open
// tickets and the last few interactions. A short block appended to the system prompt; webhook
// agents get the contact id instead and fetch what they need.

export async function callerContext(db: Executor, scope: Scope, contactId: string): Promise<string | null> {
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'name', 'email', 'company_name', 'title', 'notes'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return null;
  const tickets = await listOpenTicketsForContact(db, scope, contactId, 3, new Date());
  const recent = await db
    .selectFrom('activities')
    .select(['type', 'summary', 'occurred_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('related_resource_type', '=', 'contact')
    .where('related_resource_id', '=', contactId)
    .orderBy('occurred_at', 'desc')
    .limit(3)
    .execute();

  const who = [contact.name, contact.title, contact.company_name && `at ${contact.company_name}`].filter(Boolean).join(', ');
  const lines = [`Caller (from the CRM): ${who} (contact ${contact.id}${contact.email ? `, ${contact.email}` : ''}).`];
  if (contact.notes) lines.push(`Notes: ${contact.notes.slice(0, 300)}`);
  if (tickets.length) lines.push(`Open tickets: ${tickets.map((t) => `${t.subject} (${t.id}, ${t.status}, ${t.priority})`).join('; ')}.`);
  if (recent.length) lines.push(`Recent interactions: ${recent.map((a) => `${a.occurred_at.slice(0, 10)} ${a.type}: ${a.summary}`).join('; ')}.`);
  return lines.join('\n');
}
