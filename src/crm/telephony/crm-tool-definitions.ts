import type { ToolDefinition } from '../../agents/agent.js';

// CRM tools offered to managed agents on calls and SMS. The gateway runs them against this
// workspace's CRM (see crm-tools.ts) and records each use as an `agent_action` activity.

export const LOOKUP_CONTACT = 'lookup_contact';
export const CREATE_TICKET = 'create_ticket';
export const CREATE_TASK = 'create_task';
export const LOG_NOTE = 'log_note';

export const CRM_TOOLS: ToolDefinition[] = [
  {
    type: 'function',
    function: {
      name: LOOKUP_CONTACT,
      description: 'Find a contact in the CRM by phone number, email or name. Returns the best matches with their company and open tickets.',
      parameters: {
        type: 'object',
        properties: {
          phone: { type: 'string', description: 'A phone number, any format.' },
          query: { type: 'string', description: 'Name, email or company to search for.' },
        },
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: CREATE_TICKET,
      description: 'Open a support ticket for the caller about a problem they describe. The conversation transcript is attached.',
      parameters: {
        type: 'object',
        properties: {
          subject: { type: 'string', description: 'One line describing the problem.' },
          description: { type: 'string' },
          priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
          category: { type: 'string' },
        },
        required: ['subject'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: CREATE_TASK,
      description: 'Create a follow-up task for the team, e.g. a callback request.',
      parameters: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          description: { type: 'string' },
          due_at: { type: 'string', description: 'ISO 8601 date-time, if the caller gave one.' },
        },
        required: ['title'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: LOG_NOTE,
      description: 'Save a note about the caller on their CRM record.',
      parameters: {
        type: 'object',
        properties: { summary: { type: 'string' }, body: { type: 'string' } },
        required: ['summary'],
        additionalProperties: false,
      },
    },
  },
];
