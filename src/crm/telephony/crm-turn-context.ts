import type { FastifyBaseLogger } from 'fastify';
import type { TurnContextProvider } from '../../calls/turn-context.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { callerContext } from './caller-context.js';
import { logCallActivity, matchContactId, openLeadForStranger } from './conversation-crm.js';
import { CRM_TOOLS } from './crm-tool-definitions.js';
import { createCrmToolRunner } from './crm-tools.js';

// The CRM's side of every conversation, behind the calls code's TurnContextProvider: a managed
// agent is told who is on the line and gets the CRM tools; calls and texts are matched to
// contacts, strangers may become leads, and finished calls land on the contact's timeline.

export function crmTurnContext(deps: { db: Db; clock: Clock; log: FastifyBaseLogger }): TurnContextProvider {
  return {
    async forConversation(req) {
      if (!req.managed) return { promptAddition: null, tools: [] };
      return {
        promptAddition: req.contactId ? await callerContext(deps.db, req.scope, req.contactId) : null,
        tools: CRM_TOOLS,
        runTool: createCrmToolRunner(deps, { scope: req.scope, channel: req.channel, contactId: req.contactId, related: req.related }),
      };
    },
    contactFor: (db, scope, phone) => matchContactId(db, scope, phone),
    strangerReached: (number, phone, source) => openLeadForStranger(deps, number, phone, source),
    callEnded: (callId) => logCallActivity(deps, callId),
  };
}
