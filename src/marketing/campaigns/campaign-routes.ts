import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors.js';
import { EmptyBody } from '../../http/empty-body.js';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { keyAllows } from '../../http/scopes.js';
import type { MarketingDeps } from '../marketing-deps.js';
import { CampaignSchema, CreateCampaignBody, ListCampaignsQuery, ListRecipientsQuery, RecipientSchema, UpdateCampaignBody } from './campaign-schemas.js';
import { createCampaign, getCampaign, listCampaigns, listRecipients, updateCampaign } from './campaign-service.js';
import { sendCampaign } from './campaign-send.js';

const Params = IdParams('camp');
const ListQuery = Type.Object({ ...PageQuery, ...ListCampaignsQuery });
const RecipientsQuery = Type.Object({ ...PageQuery, ...ListRecipientsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['marketing'];

export async function campaignRoutes(app: FastifyInstance, deps: MarketingDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateCampaignBody> }>(
    '/marketing/campaigns',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Create marketing campaign',
        description:
          '`key` is unique in the workspace (409). An SMS campaign (`channel: "sms"`) also takes `body_template` (with `{{first_name}}`-style variables; 422 `unknown_variable`), `from_number_id` and an `audience` ' +
          '(`contact_ids`, or a contact `filter`); send it with POST …/send.',
        body: CreateCampaignBody,
        response: { 201: One(CampaignSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createCampaign(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/marketing/campaigns',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'List marketing campaigns', description: 'Archived campaigns only with `status=archived`.', querystring: ListQuery, response: { 200: List(CampaignSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listCampaigns(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/marketing/campaigns/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get a marketing campaign', description: 'SMS campaigns carry `stats`: recipients by delivery status, replies and cost.', params: Params, response: { 200: One(CampaignSchema) } } },
    async (request) => ({ data: await getCampaign(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateCampaignBody> }>(
    '/marketing/campaigns/:id',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Update a marketing campaign',
        description: 'While an SMS campaign is sending, `status: "paused"` stops the sender (POST …/send resumes); its text, number and audience change only when it is not sending (409 `campaign_sending`).',
        params: Params,
        body: UpdateCampaignBody,
        response: { 200: One(CampaignSchema) },
      },
    },
    async (request) => ({ data: await updateCampaign(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.post<P>(
    '/marketing/campaigns/:id/send',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Send an SMS campaign',
        description:
          'Texts the audience from `from_number_id`, in the background at `messages_per_minute`; answers 202 at once with the campaign (`status: "sending"`). Each message is charged per segment as it is sent, like POST /v1/sms. ' +
          'Contacts who replied STOP to that number, or without a phone, are skipped and never charged. 402 `insufficient_credits` (nothing sent, nothing recorded) when the balance cannot cover every message. ' +
          'A contact is texted at most once per campaign: sending again (after a pause, or to contacts that joined the filter) sends only to those not yet texted. The key also needs `sms:write`.',
        params: Params,
        body: EmptyBody,
        response: { 202: One(CampaignSchema) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      // It spends SMS credits: a content-only key (cms:write) may not text people.
      if (!keyAllows(auth.scopes, 'sms:write')) {
        throw new ApiError('forbidden', 'Sending an SMS campaign also needs the sms:write scope.', [{ field: 'scope', error: 'missing_scope', required: 'sms:write' }]);
      }
      const dto = await sendCampaign(deps, auth.scope, request.params.id, request.idempotency);
      deps.sender.wake();
      return reply.code(202).send({ data: dto, request_id: request.id });
    },
  );

  app.get<P & { Querystring: Static<typeof RecipientsQuery> }>(
    '/marketing/campaigns/:id/recipients',
    {
      config: { scope: 'cms:read' },
      schema: { tags, summary: 'List an SMS campaign\'s recipients and their delivery status', params: Params, querystring: RecipientsQuery, response: { 200: List(RecipientSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await listRecipients(deps, authOf(request).scope, request.params.id, page, request.query.status), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );
}
