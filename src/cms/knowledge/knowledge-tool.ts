import type { FastifyBaseLogger } from 'fastify';
import type { ToolCall, ToolDefinition } from '../../agents/agent.js';
import type { TurnContext, TurnContextProvider, TurnContextRequest } from '../../calls/turn-context.js';
import type { Clock } from '../../clock.js';
import { logActivity } from '../../crm/people/activities/activity-service.js';
import type { Db, Executor } from '../../db/database.js';
import type { CmsCollectionsTable } from '../../db/schema-cms.js';
import type { Scope } from '../../scope.js';
import { findCollection } from '../collections/collection-repository.js';
import { schemaOf } from '../collections/collection-service.js';
import { fieldText } from '../collections/field-schema.js';
import { fieldsOf } from '../entries/entry-service.js';
import { rankedEntries } from '../search/entry-search.js';

// A managed agent's knowledge base: a number whose `knowledge.collection_id` names a CMS
// collection offers its managed model a `search_knowledge` tool during calls and SMS. The tool
// runs the CMS's ranked search over that collection (any word, best first, archived entries
// left out) and hands back the top entries' text for the model to answer from. Like the CRM
// tools, every use is kept as an `agent_action` activity (on the contact when known, else on the
// call or message).

export const SEARCH_KNOWLEDGE = 'search_knowledge';
const TOP_ENTRIES = 3;
const MAX_ENTRY_CHARS = 1500;

export const SEARCH_KNOWLEDGE_TOOL: ToolDefinition = {
  type: 'function',
  function: {
    name: SEARCH_KNOWLEDGE,
    description: "Search the business's knowledge base (FAQ, policies, prices, product facts) and get the best matching entries. Use it before answering a question about the business, and answer from what it returns.",
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'What to look up, in a few words, e.g. "opening hours saturday".' } },
      required: ['query'],
      additionalProperties: false,
    },
  },
};

export interface KnowledgeHit {
  id: string;
  title: string;
  text: string;
}

/** The top entries of `collection` for `query`, each as its title and its fields' text. */
export async function searchKnowledge(db: Executor, scope: Scope, collection: CmsCollectionsTable, query: string): Promise<KnowledgeHit[]> {
  const rows = await rankedEntries(db, scope, { query, match: 'any', collectionId: collection.id, excludeArchived: true, limit: TOP_ENTRIES, offset: 0 });
  const schema = schemaOf(collection);
  return rows.map((row) => {
    const text = fieldText(schema, fieldsOf(row)).map((f) => `${f.key}: ${f.text}`).join('\n');
    return { id: row.id, title: row.title, text: text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS)}…` : text };
  });
}

export interface KnowledgeDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** Who the conversation is about, for the activity each use leaves. */
export type KnowledgeConversation = Pick<TurnContextRequest, 'scope' | 'contactId' | 'related'>;

async function answer(deps: KnowledgeDeps, scope: Scope, collection: CmsCollectionsTable, rawArguments: string): Promise<unknown> {
  let args: Record<string, unknown> = {};
  try {
    args = rawArguments.trim() ? (JSON.parse(rawArguments) as Record<string, unknown>) : {};
  } catch {
    return { error: 'arguments are not JSON' };
  }
  const query = typeof args.query === 'string' ? args.query.trim().slice(0, 500) : '';
  if (!query) return { error: 'query is required' };
  const results = await searchKnowledge(deps.db, scope, collection, query);
  if (results.length === 0) return { results, note: 'Nothing in the knowledge base matches. Say you do not know rather than guess.' };
  return { results };
}

/** Runs `search_knowledge` calls against `collection`; bad arguments and failures are reported to the model, never thrown. */
export function knowledgeToolRunner(deps: KnowledgeDeps, conv: KnowledgeConversation, collection: CmsCollectionsTable): (call: ToolCall) => Promise<string> {
  const about = conv.contactId
    ? { related_resource_type: 'contact' as const, related_resource_id: conv.contactId }
    : { related_resource_type: conv.related.type, related_resource_id: conv.related.id };
  return async (call) => {
    let text: string;
    try {
      text = JSON.stringify(await answer(deps, conv.scope, collection, call.function.arguments));
    } catch (err) {
      deps.log.error({ err, collection_id: collection.id }, 'knowledge search failed');
      return JSON.stringify({ error: 'the knowledge base could not be searched' });
    }
    try {
      await logActivity(deps.db, conv.scope, {
        type: 'agent_action',
        summary: `Agent used ${SEARCH_KNOWLEDGE}`,
        body: `arguments: ${call.function.arguments}\nresult: ${text}`.slice(0, 4000),
        ...about,
        metadata: { tool: SEARCH_KNOWLEDGE, collection_id: collection.id, [`${conv.related.type}_id`]: conv.related.id },
      }, deps.clock.now());
    } catch (err) {
      deps.log.error({ err, collection_id: collection.id }, 'could not log a knowledge search'); // the model still gets its answer
    }
    return text;
  };
}

/** The knowledge collection of the number behind a conversation (its call or inbound SMS), if any. */
export async function knowledgeCollectionFor(db: Executor, req: Pick<TurnContextRequest, 'scope' | 'related' | 'agent'>): Promise<CmsCollectionsTable | null> {
  const { scope, related } = req;
  // A reusable agent decides for its numbers: its knowledge switch off means no tool, its
  // collection (when it names one) replaces the number's own.
  if (req.agent && !req.agent.tools.knowledge) return null;
  if (req.agent?.knowledgeCollectionId) return (await findCollection(db, scope, req.agent.knowledgeCollectionId)) ?? null;
  const table = related.type === 'call' ? 'calls' : 'sms_messages';
  const owner = await db
    .selectFrom(table)
    .innerJoin('numbers', 'numbers.id', `${table}.number_id`)
    .select('numbers.knowledge_collection_id as collection_id')
    .where(`${table}.id`, '=', related.id)
    .where(`${table}.workspace_id`, '=', scope.workspaceId)
    .where(`${table}.mode`, '=', scope.mode)
    .executeTakeFirst();
  if (!owner?.collection_id) return null;
  return (await findCollection(db, scope, owner.collection_id)) ?? null;
}

/** Adds the knowledge tool (and a line telling the model about it) to a conversation's context. */
export function withKnowledgeTool(deps: KnowledgeDeps, conv: KnowledgeConversation, collection: CmsCollectionsTable, ctx: TurnContext): TurnContext {
  const search = knowledgeToolRunner(deps, conv, collection);
  const inner = ctx.runTool;
  const hint = `Knowledge base "${collection.name}": call ${SEARCH_KNOWLEDGE} to look up facts about the business before answering such questions, and answer from what it returns.`;
  return {
    promptAddition: [ctx.promptAddition, hint].filter(Boolean).join('\n\n'),
    tools: [...ctx.tools, SEARCH_KNOWLEDGE_TOOL],
    runTool: async (call) => {
      if (call.function.name === SEARCH_KNOWLEDGE) return search(call);
      return inner ? inner(call) : JSON.stringify({ error: `unknown tool ${call.function.name}` });
    },
  };
}

/**
 * Wraps the gateway's turn context (the CRM's): managed agents on a number with a knowledge
 * collection also get `search_knowledge`. Webhook agents use the API (GET /v1/cms/entries/search).
 */
export function knowledgeTurnContext(inner: TurnContextProvider, deps: KnowledgeDeps): TurnContextProvider {
  return {
    async forConversation(req) {
      const ctx = await inner.forConversation(req);
      if (!req.managed) return ctx;
      const collection = await knowledgeCollectionFor(deps.db, req);
      return collection ? withKnowledgeTool(deps, req, collection, ctx) : ctx;
    },
    contactFor: (db, scope, phone) => inner.contactFor(db, scope, phone),
    strangerReached: (number, phone, source) => inner.strangerReached(number, phone, source),
    callEnded: (callId) => inner.callEnded(callId),
  };
}
