// The name and group of every /v1 operation in the OpenAPI document, in one table, so that
// generated clients get stable function names (`createNumber`, `hangupCall`) whatever the route
// files look like. A test fails when a /v1 route has no entry here, or an entry has no route.
// operationIds are part of the public contract: rename one only as a breaking change.

export const TAGS = {
  me: 'The calling key and its workspace.',
  workspace: 'Workspace settings.',
  numbers: 'Phone numbers: provision, configure, release, and chat with their agent.',
  calls: 'Outbound and inbound calls, their transcripts and call control.',
  sms: 'Text messages, sent and received.',
  credits: 'Prepaid credits: balance, purchases and the ledger of every charge.',
  events: 'The event log that webhooks deliver.',
  webhooks: 'Endpoints that receive signed events (Standard Webhooks), and their deliveries.',
  contacts: 'CRM people, and the timeline of everything that happened with them.',
  companies: 'CRM organisations.',
  activities: 'Notes, calls, meetings and emails logged against CRM records.',
  leads: 'Prospects before they are qualified; converting one makes a contact, a company and a deal.',
  'deal stages': 'The stages of the sales pipeline.',
  deals: 'Opportunities moving through the pipeline.',
  invoices: 'Invoices with line items.',
  payments: 'Payments against invoices.',
  support: 'Support queues, tickets, their messages and internal comments.',
  tasks: 'To-dos assigned to people or agents.',
  assets: 'Files: upload intents with signed upload links, checked completion, signed downloads; call recordings appear here too.',
  integrations: 'The catalogue of event types the gateway emits, and your own `external.*` types, emitted to your webhooks.',
  'analytics governance': 'Analytics event and property definitions, and validation of payloads against them.',
  bi: 'Datasets over the gateway\'s own data, metrics, reports, dashboards, queries, exports and scheduled artifacts.',
} as const;

export type Tag = keyof typeof TAGS;

/** An error status an operation can answer beyond the ones every operation can. */
export type ExtraError = '402' | '502' | '503';

export interface Operation {
  id: string;
  tag: Tag;
  /** 402 where it spends credits, 502/503 where it calls the carrier. */
  errors?: ExtraError[];
}

const SPENDS_AT_CARRIER: ExtraError[] = ['402', '502', '503'];
const AT_CARRIER: ExtraError[] = ['502', '503'];

/** Keyed `METHOD /v1/path` with fastify's `{param}` spelled as in the document. */
export const OPERATIONS: Record<string, Operation> = {
  'GET /v1/me': { id: 'getMe', tag: 'me' },
  'GET /v1/workspace': { id: 'getWorkspace', tag: 'workspace' },
  'PATCH /v1/workspace': { id: 'updateWorkspace', tag: 'workspace' },

  'POST /v1/numbers': { id: 'createNumber', tag: 'numbers', errors: SPENDS_AT_CARRIER },
  'GET /v1/numbers': { id: 'listNumbers', tag: 'numbers' },
  'GET /v1/numbers/{id}': { id: 'getNumber', tag: 'numbers' },
  'PATCH /v1/numbers/{id}': { id: 'updateNumber', tag: 'numbers' },
  'DELETE /v1/numbers/{id}': { id: 'releaseNumber', tag: 'numbers', errors: AT_CARRIER },
  'POST /v1/numbers/{id}/chat': { id: 'chatWithNumber', tag: 'numbers' },

  'POST /v1/calls': { id: 'createCall', tag: 'calls', errors: SPENDS_AT_CARRIER },
  'GET /v1/calls': { id: 'listCalls', tag: 'calls' },
  'GET /v1/calls/{id}': { id: 'getCall', tag: 'calls' },
  'GET /v1/calls/{id}/transcript': { id: 'getCallTranscript', tag: 'calls' },
  'POST /v1/calls/{id}/hangup': { id: 'hangupCall', tag: 'calls', errors: AT_CARRIER },
  'GET /v1/calls/{id}/recording': { id: 'getCallRecording', tag: 'calls' },
  'DELETE /v1/calls/{id}/recording': { id: 'deleteCallRecording', tag: 'calls' },
  'POST /v1/softphone/tickets': { id: 'createSoftphoneTicket', tag: 'calls' },

  'POST /v1/sms': { id: 'sendSms', tag: 'sms', errors: SPENDS_AT_CARRIER },
  'GET /v1/sms': { id: 'listSms', tag: 'sms' },
  'GET /v1/sms/{id}': { id: 'getSms', tag: 'sms' },
  'POST /v1/sms/test-inbound': { id: 'simulateInboundSms', tag: 'sms' },

  'GET /v1/credits/balance': { id: 'getBalance', tag: 'credits' },
  'POST /v1/credits/purchase': { id: 'purchaseCredits', tag: 'credits' },
  'GET /v1/credits/ledger': { id: 'listLedgerEntries', tag: 'credits' },

  'GET /v1/events': { id: 'listEvents', tag: 'events' },
  'GET /v1/events/{id}': { id: 'getEvent', tag: 'events' },

  'POST /v1/webhooks': { id: 'createWebhook', tag: 'webhooks' },
  'GET /v1/webhooks': { id: 'listWebhooks', tag: 'webhooks' },
  'GET /v1/webhooks/{id}': { id: 'getWebhook', tag: 'webhooks' },
  'PATCH /v1/webhooks/{id}': { id: 'updateWebhook', tag: 'webhooks' },
  'DELETE /v1/webhooks/{id}': { id: 'deleteWebhook', tag: 'webhooks' },
  'POST /v1/webhooks/{id}/rotate-secret': { id: 'rotateWebhookSecret', tag: 'webhooks' },
  'POST /v1/webhooks/{id}/test': { id: 'testWebhook', tag: 'webhooks' },
  'GET /v1/webhooks/{id}/deliveries': { id: 'listWebhookDeliveries', tag: 'webhooks' },
  'POST /v1/webhooks/{id}/deliveries/{delivery_id}/retry': { id: 'retryWebhookDelivery', tag: 'webhooks' },

  'POST /v1/contacts': { id: 'createContact', tag: 'contacts' },
  'GET /v1/contacts': { id: 'listContacts', tag: 'contacts' },
  'GET /v1/contacts/{id}': { id: 'getContact', tag: 'contacts' },
  'PATCH /v1/contacts/{id}': { id: 'updateContact', tag: 'contacts' },
  'DELETE /v1/contacts/{id}': { id: 'deleteContact', tag: 'contacts' },
  'GET /v1/contacts/{id}/timeline': { id: 'getContactTimeline', tag: 'contacts' },

  'POST /v1/companies': { id: 'createCompany', tag: 'companies' },
  'GET /v1/companies': { id: 'listCompanies', tag: 'companies' },
  'GET /v1/companies/{id}': { id: 'getCompany', tag: 'companies' },
  'PATCH /v1/companies/{id}': { id: 'updateCompany', tag: 'companies' },
  'DELETE /v1/companies/{id}': { id: 'deleteCompany', tag: 'companies' },

  'POST /v1/activities': { id: 'createActivity', tag: 'activities' },
  'GET /v1/activities': { id: 'listActivities', tag: 'activities' },
  'GET /v1/activities/{id}': { id: 'getActivity', tag: 'activities' },

  'POST /v1/leads': { id: 'createLead', tag: 'leads' },
  'GET /v1/leads': { id: 'listLeads', tag: 'leads' },
  'GET /v1/leads/{id}': { id: 'getLead', tag: 'leads' },
  'PATCH /v1/leads/{id}': { id: 'updateLead', tag: 'leads' },
  'DELETE /v1/leads/{id}': { id: 'deleteLead', tag: 'leads' },
  'POST /v1/leads/{id}/convert': { id: 'convertLead', tag: 'leads' },

  'POST /v1/deal-stages': { id: 'createDealStage', tag: 'deal stages' },
  'GET /v1/deal-stages': { id: 'listDealStages', tag: 'deal stages' },
  'GET /v1/deal-stages/{id}': { id: 'getDealStage', tag: 'deal stages' },
  'PATCH /v1/deal-stages/{id}': { id: 'updateDealStage', tag: 'deal stages' },
  'DELETE /v1/deal-stages/{id}': { id: 'deleteDealStage', tag: 'deal stages' },

  'POST /v1/deals': { id: 'createDeal', tag: 'deals' },
  'GET /v1/deals': { id: 'listDeals', tag: 'deals' },
  'GET /v1/deals/{id}': { id: 'getDeal', tag: 'deals' },
  'PATCH /v1/deals/{id}': { id: 'updateDeal', tag: 'deals' },
  'DELETE /v1/deals/{id}': { id: 'deleteDeal', tag: 'deals' },

  'POST /v1/invoices': { id: 'createInvoice', tag: 'invoices' },
  'GET /v1/invoices': { id: 'listInvoices', tag: 'invoices' },
  'GET /v1/invoices/{id}': { id: 'getInvoice', tag: 'invoices' },
  'PATCH /v1/invoices/{id}': { id: 'updateInvoice', tag: 'invoices' },
  'DELETE /v1/invoices/{id}': { id: 'deleteInvoice', tag: 'invoices' },

  'POST /v1/payments': { id: 'createPayment', tag: 'payments' },
  'GET /v1/payments': { id: 'listPayments', tag: 'payments' },
  'GET /v1/payments/{id}': { id: 'getPayment', tag: 'payments' },

  'POST /v1/support/queues': { id: 'createSupportQueue', tag: 'support' },
  'GET /v1/support/queues': { id: 'listSupportQueues', tag: 'support' },
  'GET /v1/support/queues/{id}': { id: 'getSupportQueue', tag: 'support' },
  'PATCH /v1/support/queues/{id}': { id: 'updateSupportQueue', tag: 'support' },
  'DELETE /v1/support/queues/{id}': { id: 'deleteSupportQueue', tag: 'support' },
  'POST /v1/support/tickets': { id: 'createSupportTicket', tag: 'support' },
  'GET /v1/support/tickets': { id: 'listSupportTickets', tag: 'support' },
  'GET /v1/support/tickets/{id}': { id: 'getSupportTicket', tag: 'support' },
  'PATCH /v1/support/tickets/{id}': { id: 'updateSupportTicket', tag: 'support' },
  'DELETE /v1/support/tickets/{id}': { id: 'deleteSupportTicket', tag: 'support' },
  'POST /v1/support/tickets/{id}/messages': { id: 'createSupportTicketMessage', tag: 'support' },
  'GET /v1/support/tickets/{id}/messages': { id: 'listSupportTicketMessages', tag: 'support' },
  'POST /v1/support/tickets/{id}/comments': { id: 'createSupportTicketComment', tag: 'support' },
  'GET /v1/support/tickets/{id}/comments': { id: 'listSupportTicketComments', tag: 'support' },
  'PATCH /v1/support/tickets/{id}/comments/{comment_id}': { id: 'updateSupportTicketComment', tag: 'support' },
  'DELETE /v1/support/tickets/{id}/comments/{comment_id}': { id: 'deleteSupportTicketComment', tag: 'support' },

  'POST /v1/tasks': { id: 'createTask', tag: 'tasks' },
  'GET /v1/tasks': { id: 'listTasks', tag: 'tasks' },
  'GET /v1/tasks/{id}': { id: 'getTask', tag: 'tasks' },
  'PATCH /v1/tasks/{id}': { id: 'updateTask', tag: 'tasks' },
  'DELETE /v1/tasks/{id}': { id: 'deleteTask', tag: 'tasks' },

  'GET /v1/assets': { id: 'listAssets', tag: 'assets' },
  'POST /v1/assets': { id: 'createAssetUploadIntent', tag: 'assets' },
  'GET /v1/assets/{id}': { id: 'getAsset', tag: 'assets' },
  'DELETE /v1/assets/{id}': { id: 'archiveAsset', tag: 'assets' },
  'POST /v1/assets/{id}/complete': { id: 'completeAssetUpload', tag: 'assets' },

  'GET /v1/integrations/events': { id: 'listIntegrationEventTypes', tag: 'integrations' },
  'POST /v1/integrations/events': { id: 'registerIntegrationEventType', tag: 'integrations' },
  'POST /v1/integrations/events/{key}/emit': { id: 'emitIntegrationEvent', tag: 'integrations' },

  'GET /v1/analytics/events': { id: 'listAnalyticsEvents', tag: 'analytics governance' },
  'POST /v1/analytics/events': { id: 'defineAnalyticsEvent', tag: 'analytics governance' },
  'GET /v1/analytics/properties': { id: 'listAnalyticsProperties', tag: 'analytics governance' },
  'POST /v1/analytics/properties': { id: 'defineAnalyticsProperty', tag: 'analytics governance' },
  'POST /v1/analytics/events/validate': { id: 'validateAnalyticsEvent', tag: 'analytics governance' },

  'GET /v1/bi/datasets': { id: 'listBiDatasets', tag: 'bi' },
  'POST /v1/bi/datasets': { id: 'createBiDataset', tag: 'bi' },
  'GET /v1/bi/metrics': { id: 'listBiMetrics', tag: 'bi' },
  'POST /v1/bi/metrics': { id: 'createBiMetric', tag: 'bi' },
  'GET /v1/bi/reports': { id: 'listBiReports', tag: 'bi' },
  'POST /v1/bi/reports': { id: 'createBiReport', tag: 'bi' },
  'GET /v1/bi/dashboards': { id: 'listBiDashboards', tag: 'bi' },
  'POST /v1/bi/dashboards': { id: 'createBiDashboard', tag: 'bi' },
  'POST /v1/bi/queries/run': { id: 'runBiQuery', tag: 'bi' },
  'GET /v1/bi/exports': { id: 'listBiExports', tag: 'bi' },
  'POST /v1/bi/exports': { id: 'createBiExport', tag: 'bi' },
  'GET /v1/bi/exports/{id}': { id: 'getBiExport', tag: 'bi' },
  'GET /v1/bi/scheduled-artifacts': { id: 'listBiScheduledArtifacts', tag: 'bi' },
  'POST /v1/bi/scheduled-artifacts': { id: 'createBiScheduledArtifact', tag: 'bi' },
  'GET /v1/bi/{collection}/{id}': { id: 'getBiObject', tag: 'bi' },
  'PATCH /v1/bi/{collection}/{id}': { id: 'updateBiObject', tag: 'bi' },
  'DELETE /v1/bi/{collection}/{id}': { id: 'archiveBiObject', tag: 'bi' },
};

/** `GET /v1/numbers/:id` (fastify) → `GET /v1/numbers/{id}` (OpenAPI). */
export const operationKey = (method: string, url: string) =>
  `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
