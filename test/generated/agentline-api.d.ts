// Generated from GET /v1/openapi.json by openapi-typescript; do not edit.
// Regenerate with `npm run gen:api-types` (a test fails when this file is stale).
export interface paths {
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling key and its workspace
         * @description Requires scope `any`.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List numbers, newest first
         * @description Requires scope `numbers:read`.
         */
        get: operations["listNumbers"];
        put?: never;
        /**
         * Provision a number
         * @description Buys a number (test keys: a simulated one) and charges the first month. Give `system_prompt` for a managed agent or `webhook_url` for your own.
         *
         *     Requires scope `numbers:write`.
         */
        post: operations["createNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a number
         * @description Requires scope `numbers:read`.
         */
        get: operations["getNumber"];
        put?: never;
        post?: never;
        /**
         * Release a number
         * @description Gives the number back to the carrier. The fee already paid is not refunded.
         *
         *     Requires scope `numbers:write`.
         */
        delete: operations["releaseNumber"];
        options?: never;
        head?: never;
        /**
         * Update a number's agent configuration
         * @description Set `webhook_url` to null to switch to managed mode (a system_prompt is then required).
         *
         *     Requires scope `numbers:write`.
         */
        patch: operations["updateNumber"];
        trace?: never;
    };
    "/v1/credits/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your credit balance and prices
         * @description Requires scope `credits:read`.
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credits/purchase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buy credits
         * @description Adds credits in packs of $10.00 and returns the ledger entry. Send an Idempotency-Key to retry safely.
         *
         *     Requires scope `credits:write`.
         */
        post: operations["purchaseCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credits/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit ledger, newest first
         * @description Requires scope `credits:read`.
         */
        get: operations["listLedgerEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events, newest first
         * @description Requires scope `webhooks:read`.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event
         * @description Requires scope `webhooks:read`.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event endpoints, newest first
         * @description Requires scope `webhooks:read`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an event endpoint
         * @description Events of the listed types are POSTed to `url`, signed per Standard Webhooks. The signing `secret` is returned only in this response.
         *
         *     Requires scope `webhooks:write`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event endpoint
         * @description Requires scope `webhooks:read`.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete an event endpoint and its delivery history
         * @description Requires scope `webhooks:write`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update an event endpoint
         * @description Set `status` to `paused` to stop deliveries (pending ones wait), or to `active` to resume a paused or disabled endpoint.
         *
         *     Requires scope `webhooks:write`.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Returns the new `secret` once. For 24 hours deliveries carry signatures from both the new and the previous secret.
         *
         *     Requires scope `webhooks:write`.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `webhook.test` event to this endpoint only
         * @description Requires scope `webhooks:write`.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries with their attempts, newest first
         * @description Requires scope `webhooks:read`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now, even if it failed
         * @description Requires scope `webhooks:write`.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a link to the call's recording
         * @description A two-channel WAV (caller left, agent right) once the call has ended and the recording is ready (`call.recording.ready`). 404 when the call has none.
         *
         *     Requires scope `calls:read`.
         */
        get: operations["getCallRecording"];
        put?: never;
        post?: never;
        /**
         * Delete the call's recording
         * @description The file is deleted and every link to it stops working.
         *
         *     Requires scope `calls:write`.
         */
        delete: operations["deleteCallRecording"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calls, newest first
         * @description Requires scope `calls:read`.
         */
        get: operations["listCalls"];
        put?: never;
        /**
         * Place an outbound call
         * @description The agent behind `from` calls `to`. Test keys ring a registered softphone (`agentline call --listen`), or end as no-answer.
         *
         *     Requires scope `calls:write`.
         */
        post: operations["createCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a call
         * @description Requires scope `calls:read`.
         */
        get: operations["getCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a call's transcript with per-turn timings
         * @description Requires scope `calls:read`.
         */
        get: operations["getCallTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hang up a call
         * @description Requires scope `calls:write`.
         */
        post: operations["hangupCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/numbers/{id}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chat with the number's agent by text (SSE)
         * @description Streams the agent's reply as Server-Sent Events: `event: delta` `{"text"}` for each piece, then `event: done` `{"conversation_id","reply","ended"}` (or `event: error` `{"code","message"}`). The agent has the call tools: what it would say on a call when it hangs up or transfers (its goodbye, "Transferring you now.") is part of the reply, and `ended` is then true with `end_reason` (`agent_ended`, `transferred`, with `transfer_to`). Send `conversation_id` back to continue. Not metered.
         *
         *     Requires scope `calls:write`.
         */
        post: operations["chatWithNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List SMS, newest first
         * @description Requires scope `sms:read`.
         */
        get: operations["listSms"];
        put?: never;
        /**
         * Send an SMS
         * @description Charged per segment before it is sent (402 when the balance cannot pay); refunded if the carrier fails it. 422 `recipient_opted_out` after the recipient replied STOP. Test keys: logged, not dispatched.
         *
         *     Requires scope `sms:write`.
         */
        post: operations["sendSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an SMS
         * @description Requires scope `sms:read`.
         */
        get: operations["getSms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sms/test-inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Text your test number (test keys only)
         * @description Delivers an inbound SMS to a test number as if `from` had texted it. The agent's reply shows up in GET /v1/sms (and on a softphone listening as `from`).
         *
         *     Requires scope `sms:write`.
         */
        post: operations["simulateInboundSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get workspace summary
         * @description Any key of the workspace, whatever its scopes.
         *
         *     Requires scope `any`.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update workspace settings
         * @description `default_region` applies to test and live mode alike; 422 on a region without a numbering plan.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search contacts, newest first
         * @description Requires scope `crm:read`.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create contact
         * @description Phones are stored in E.164; `email` is kept as the first of `emails`. With `company_id`, `company_name` is the company's name. Emits `contact.created`.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get contact (archived ones too)
         * @description Requires scope `crm:read`.
         */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /**
         * Archive contact
         * @description Sets `archived_at`. The contact stays readable by id, but leaves lists (unless `include_archived=true`) and caller matching.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update contact
         * @description `phones` and `emails` replace the lists; `email` sets the primary email (null drops it). `custom_fields` merges: a key set to "" or null is removed.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search companies, newest first
         * @description Requires scope `crm:read`.
         */
        get: operations["listCompanies"];
        put?: never;
        /**
         * Create company
         * @description Requires scope `crm:write`.
         */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get company (archived ones too)
         * @description Requires scope `crm:read`.
         */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        /**
         * Archive company
         * @description Sets `archived_at`. The company stays readable by id and linked from its contacts, but leaves lists unless `include_archived=true`.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteCompany"];
        options?: never;
        head?: never;
        /**
         * Update company
         * @description A new `name` is also the `company_name` of the linked contacts. `custom_fields` merges: a key set to "" or null is removed.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateCompany"];
        trace?: never;
    };
    "/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search activities, newest logged first
         * @description Requires scope `activity:read`.
         */
        get: operations["listActivities"];
        put?: never;
        /**
         * Log activity
         * @description Appends to the timeline. `related_resource_type` + `related_resource_id` must name a resource of this workspace (404 otherwise). Activities cannot be changed or deleted.
         *
         *     Requires scope `activity:write`.
         */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get activity
         * @description Requires scope `activity:read`.
         */
        get: operations["getActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contact timeline, newest first
         * @description The contact's calls, SMS and tickets, and the tasks and activities related to it, merged newest first (by `occurred_at`). Filter with `type`.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["getContactTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List leads, newest first
         * @description Requires scope `crm:read`.
         */
        get: operations["listLeads"];
        put?: never;
        /**
         * Create a lead
         * @description `phone` is normalized to E.164. `status` defaults to `new`, `source` to `api`. Emits `lead.created`.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a lead
         * @description Requires scope `crm:read`.
         */
        get: operations["getLead"];
        put?: never;
        post?: never;
        /**
         * Delete a lead
         * @description Deletes a lead that was not converted. A converted lead answers 409 `conflict`.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteLead"];
        options?: never;
        head?: never;
        /**
         * Update a lead
         * @description `custom_fields` merges (a key set to `""` or `null` is removed). `status` cannot be set to `converted` (use convert), nor changed once converted (409).
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateLead"];
        trace?: never;
    };
    "/v1/leads/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert a lead into a contact (and company, and deal)
         * @description In one transaction: creates the contact (its phone becomes a contact phone, so calls from it are matched), files it under the company named `company_name` (an existing company with that name, else a new one), optionally opens a deal (`create_deal`; stage `deal_stage` or the first stage), and marks the lead `converted` with `contact_id`, `company_id` and `deal_id`. Idempotent: converting a converted lead answers the same lead and creates nothing. The body is optional. Emits `contact.created` and `lead.converted`.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["convertLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deal stages in pipeline order
         * @description Ordered by `position`, then `key`. Archived stages only with `include_archived=true`.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["listDealStages"];
        put?: never;
        /**
         * Create a deal stage
         * @description `key` is unique in the workspace (409 `conflict` if a stage has it); the key of an archived stage restores that stage. `name` defaults to the key in words, `position` to 10 after the last stage.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createDealStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-stages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a deal stage
         * @description Requires scope `crm:read`.
         */
        get: operations["getDealStage"];
        put?: never;
        post?: never;
        /**
         * Archive a deal stage
         * @description Refused (409 `conflict`, `stage_in_use`) while deals that are not archived are in the stage. Archiving twice is harmless.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteDealStage"];
        options?: never;
        head?: never;
        /**
         * Update a deal stage
         * @description The key cannot change (deals name their stage by key).
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateDealStage"];
        trace?: never;
    };
    "/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deals, newest first
         * @description Archived deals only with `include_archived=true`.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["listDeals"];
        put?: never;
        /**
         * Create a deal
         * @description `stage` is a deal stage key (422 `unknown_stage` if there is none); without it the deal goes into the first stage (a workspace without stages first gets lead, qualified, proposal, won, lost). `company_id`, `contact_id` and `lead_id` must exist (404 naming the field). `currency` defaults to USD.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a deal
         * @description Requires scope `crm:read`.
         */
        get: operations["getDeal"];
        put?: never;
        post?: never;
        /**
         * Archive a deal
         * @description Idempotent.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteDeal"];
        options?: never;
        head?: never;
        /**
         * Update a deal
         * @description Moving it to another `stage` emits `deal.stage_changed` (the deal and `previous_stage`). `custom_fields` merges. An archived deal answers 409.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateDeal"];
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invoices, newest first
         * @description Requires scope `crm:read`.
         */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Create an invoice
         * @description Totals are computed: each line's amount is quantity (default 1) × unit_amount_cents, subtotal their sum, total = subtotal (no tax). `invoice_number` is unique in the workspace (409); omitted, the next free `INV-0001`-style number is used. Starts as `draft` unless `status: "sent"`. `company_id`, `contact_id`, `deal_id` must exist (404 naming the field).
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an invoice with its line items
         * @description Requires scope `crm:read`.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete a draft invoice
         * @description Only drafts; an issued invoice answers 409 (void it instead).
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /**
         * Edit a draft, send or void an invoice
         * @description Only drafts can be edited (`line_items` replaces the list and recomputes totals); otherwise 409. `status: "sent"` issues a draft (a zero-total invoice becomes `paid` at once); `status: "void"` cancels an invoice that has no payments (409 once anything was paid).
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateInvoice"];
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments, newest first
         * @description Requires scope `crm:read`.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Record a payment against an invoice
         * @description Updates the invoice's `amount_paid_cents` and `status` (`partially_paid` / `paid`) atomically. A payment larger than what is still due answers 422 `exceeds_balance_due` and changes nothing, even under concurrent payments. Draft and void invoices answer 409. Emits `invoice.paid` when the invoice becomes fully paid.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment
         * @description Requires scope `crm:read`.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List support queues, newest first
         * @description Requires scope `support:read`.
         */
        get: operations["listSupportQueues"];
        put?: never;
        /**
         * Create a support queue
         * @description `key` is unique in the workspace (409 `conflict` otherwise). `first_response_target_minutes` sets when its tickets' first response is due.
         *
         *     Requires scope `support:write`.
         */
        post: operations["createSupportQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/queues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a support queue
         * @description Requires scope `support:read`.
         */
        get: operations["getSupportQueue"];
        put?: never;
        post?: never;
        /**
         * Archive a support queue
         * @description Sets `status: archived` (idempotent). Its tickets keep it; new tickets cannot be put in it.
         *
         *     Requires scope `support:write`.
         */
        delete: operations["deleteSupportQueue"];
        options?: never;
        head?: never;
        /**
         * Update a support queue
         * @description A new `first_response_target_minutes` applies to tickets that enter the queue afterwards. `custom_fields` merges; a key set to "" or null is removed.
         *
         *     Requires scope `support:write`.
         */
        patch: operations["updateSupportQueue"];
        trace?: never;
    };
    "/v1/support/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List support tickets, newest first
         * @description Requires scope `support:read`.
         */
        get: operations["listSupportTickets"];
        put?: never;
        /**
         * Create a support ticket
         * @description Defaults: `status: new`, `priority: normal`, `source: api`. Every linked id must exist in the workspace (404 naming the field). With a `queue_id` whose queue has a `first_response_target_minutes`, `first_response_due_at` is set. Emits `ticket.created`.
         *
         *     Requires scope `support:write`.
         */
        post: operations["createSupportTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a support ticket
         * @description Requires scope `support:read`.
         */
        get: operations["getSupportTicket"];
        put?: never;
        post?: never;
        /**
         * Close a support ticket
         * @description Sets `status: closed` and `closed_at` (idempotent); the ticket, its messages and comments are kept.
         *
         *     Requires scope `support:write`.
         */
        delete: operations["deleteSupportTicket"];
        options?: never;
        head?: never;
        /**
         * Update a support ticket
         * @description Null clears an optional field. Moving to another queue before the first response recomputes `first_response_due_at`. `custom_fields` merges. Emits `ticket.updated` with `changed_fields` when something changed.
         *
         *     Requires scope `support:write`.
         */
        patch: operations["updateSupportTicket"];
        trace?: never;
    };
    "/v1/support/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a support ticket's messages, newest first
         * @description Requires scope `support:read`.
         */
        get: operations["listSupportTicketMessages"];
        put?: never;
        /**
         * Add a message to a support ticket
         * @description A message exchanged with the customer (`channel` defaults to `api`). The first `outbound` one sets the ticket's `first_responded_at`.
         *
         *     Requires scope `support:write`.
         */
        post: operations["createSupportTicketMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a support ticket's comments, newest first
         * @description Requires scope `support:read`.
         */
        get: operations["listSupportTicketComments"];
        put?: never;
        /**
         * Add an internal comment to a support ticket
         * @description Comments are internal notes, never sent to the customer (see messages for that). `pinned` defaults to false.
         *
         *     Requires scope `support:write`.
         */
        post: operations["createSupportTicketComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/tickets/{id}/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a comment
         * @description Requires scope `support:write`.
         */
        delete: operations["deleteSupportTicketComment"];
        options?: never;
        head?: never;
        /**
         * Edit, pin or unpin a comment
         * @description Requires scope `support:write`.
         */
        patch: operations["updateSupportTicketComment"];
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks, newest first
         * @description Requires scope `tasks:read`.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description A to-do, optionally about another resource (`related_resource_type` + `related_resource_id`, both or neither; it must exist: 404 otherwise). Starts `open`. Emits `task.created`.
         *
         *     Requires scope `tasks:write`.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description Requires scope `tasks:read`.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /**
         * Cancel a task
         * @description Sets `status: canceled` (idempotent); the task stays listable.
         *
         *     Requires scope `tasks:write`.
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Update a task
         * @description `status: completed` sets `completed_at` (add a `completed_note`), `canceled` sets `canceled_at`, `open` reopens and clears both. Null clears an optional field.
         *
         *     Requires scope `tasks:write`.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/v1/cms/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List CMS sites, newest first
         * @description Requires scope `cms:read`.
         */
        get: operations["listCmsSites"];
        put?: never;
        /**
         * Create CMS site
         * @description `key` is unique in the workspace (409 otherwise).
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createCmsSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cms/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get CMS site
         * @description Requires scope `cms:read`.
         */
        get: operations["getCmsSite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cms/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List CMS collections, newest first
         * @description Requires scope `cms:read`.
         */
        get: operations["listCmsCollections"];
        put?: never;
        /**
         * Create CMS collection
         * @description Entries of the collection are checked against `schema.fields` (422 naming `fields.<key>`). A field keyed `title` is the entry's `title`. `key` is unique in the workspace (409); `blog` is reserved for the blog.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createCmsCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cms/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get CMS collection
         * @description Requires scope `cms:read`.
         */
        get: operations["getCmsCollection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update CMS collection
         * @description `schema` replaces the field list (existing entries are checked against it at their next write); the built-in `blog` collection keeps its fields (422).
         *
         *     Requires scope `cms:write`.
         */
        patch: operations["updateCmsCollection"];
        trace?: never;
    };
    "/v1/cms/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search CMS entries, newest first
         * @description Requires scope `cms:read`.
         */
        get: operations["listCmsEntries"];
        put?: never;
        /**
         * Create CMS entry
         * @description `fields` are checked against the collection's schema: a missing required field, a value of the wrong type, an unknown key or a reference to an entry that does not exist is a 422 naming `fields.<key>`. A `slug` field must be unique in the collection (409).
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createCmsEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cms/entries/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search CMS entries, best match first
         * @description Ranked search over titles (weighted higher), field text and tags: entries matching any word of `query` are returned, those matching more of them first. Each hit carries its `score`.
         *
         *     Requires scope `cms:read`.
         */
        get: operations["searchCmsEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cms/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get CMS entry
         * @description Requires scope `cms:read`.
         */
        get: operations["getCmsEntry"];
        put?: never;
        post?: never;
        /**
         * Delete CMS entry
         * @description Permanently.
         *
         *     Requires scope `cms:write`.
         */
        delete: operations["deleteCmsEntry"];
        options?: never;
        head?: never;
        /**
         * Update CMS entry
         * @description `fields` merges (null removes a key) and the result is checked against the schema; `tags` replaces the list. Setting `status` to `published` records `published_at`.
         *
         *     Requires scope `cms:write`.
         */
        patch: operations["updateCmsEntry"];
        trace?: never;
    };
    "/v1/blog/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List blog posts, newest first
         * @description `total` counts every post matching the filters.
         *
         *     Requires scope `cms:read`.
         */
        get: operations["listBlogPosts"];
        put?: never;
        /**
         * Create blog post
         * @description Created as a `draft`. Without `slug`, one is made from the title (`-2`, `-3` ... when taken); a `slug` another post has is a 409.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createBlogPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blog/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get blog post
         * @description Requires scope `cms:read`.
         */
        get: operations["getBlogPost"];
        put?: never;
        post?: never;
        /**
         * Delete blog post
         * @description Permanently.
         *
         *     Requires scope `cms:write`.
         */
        delete: operations["deleteBlogPost"];
        options?: never;
        head?: never;
        /**
         * Update blog post
         * @description Partial: only the fields given change. A new `title` without a `slug` regenerates the slug.
         *
         *     Requires scope `cms:write`.
         */
        patch: operations["updateBlogPost"];
        trace?: never;
    };
    "/v1/blog/posts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish blog post
         * @description Sets `status` to `published` and records `published_at`; publishing a published post changes nothing.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["publishBlogPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blog/posts/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpublish blog post
         * @description A published post goes back to `draft` and `published_at` is cleared; other posts are unchanged.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["unpublishBlogPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounting/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounting accounts
         * @description Requires scope `crm:read`.
         */
        get: operations["listAccountingAccounts"];
        put?: never;
        /**
         * Create accounting account
         * @description `code` is unique in the workspace (409). `default_for` makes it the account invoices (`receivables`, `revenue`) or payments (`cash`) post to.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createAccountingAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounting/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an accounting account with its balance
         * @description Requires scope `crm:read`.
         */
        get: operations["getAccountingAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an accounting account
         * @description Rename, re-code, archive, or set `default_for`. `type` changes only while no journal line uses the account (409 `account_in_use`).
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateAccountingAccount"];
        trace?: never;
    };
    "/v1/accounting/journal-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journal entries
         * @description Requires scope `crm:read`.
         */
        get: operations["listJournalEntries"];
        put?: never;
        /**
         * Create journal entry
         * @description The lines must balance: each line has `debit_cents` or `credit_cents` (positive integer cents, never both) on an open account of this workspace, and the debits sum to the credits. Otherwise 422 `validation_error` whose `details` name each problem (`lines.1.account_id` `account_not_found`, `lines` `unbalanced` ...). `status: "posted"` posts it at once; a posted entry is immutable.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createJournalEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounting/journal-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a journal entry with its lines
         * @description Requires scope `crm:read`.
         */
        get: operations["getJournalEntry"];
        put?: never;
        post?: never;
        /**
         * Delete a draft journal entry
         * @description Drafts only; a posted entry answers 409 (reverse it instead).
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteJournalEntry"];
        options?: never;
        head?: never;
        /**
         * Edit or post a draft journal entry
         * @description Drafts only (a posted entry answers 409 `entry_posted`). `lines` replaces all lines and is checked like a new entry; `status: "posted"` posts the draft.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateJournalEntry"];
        trace?: never;
    };
    "/v1/accounting/journal-entries/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a posted journal entry
         * @description Posts a new entry with every line on the other side, linked both ways (`reversal_of` / `reversed_by`). An entry is reversed once (409 `already_reversed`).
         *
         *     Requires scope `crm:write`.
         */
        post: operations["reverseJournalEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounting/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the trial balance
         * @description Posted debits and credits per account in one currency (default USD), optionally up to `as_of`. The totals are always equal: `balance_cents` is 0.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["getTrialBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search assets, newest first
         * @description Call recordings are listed too (`source: call_recording`), linked to their call's contact.
         *
         *     Requires scope `assets:read`.
         */
        get: operations["listAssets"];
        put?: never;
        /**
         * Create an asset upload intent
         * @description Makes an asset `upload_pending` and returns `upload_url`: PUT the file's bytes there (any Content-Type, no API key) before `upload_expires_at`, then call `complete` with its size and SHA-256. A `related_resource_type/id` must exist in the workspace.
         *
         *     Requires scope `assets:write`.
         */
        post: operations["createAssetUploadIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an asset and its download URL
         * @description `download_url` is signed and expires at `download_expires_at`; ask again for a fresh one. Null until the upload is complete and once archived.
         *
         *     Requires scope `assets:read`.
         */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        /**
         * Archive an asset
         * @description Idempotent. The asset is kept, no longer served; its links stop working. Emits `asset.archived`.
         *
         *     Requires scope `assets:write`.
         */
        delete: operations["archiveAsset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete an asset upload
         * @description `byte_size` and `checksum_sha256` must be what the upload URL received (422 naming the field that differs, nothing changes). Then the asset is `available`; emits `asset.available`.
         *
         *     Requires scope `assets:write`.
         */
        post: operations["completeAssetUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List integration event types
         * @description Every event type the gateway emits (`source: gateway`) and the ones this workspace registered (`source: workspace`), each with the JSON Schema of its `data`; ordered by key.
         *
         *     Requires scope `integrations:read`.
         */
        get: operations["listIntegrationEventTypes"];
        put?: never;
        /**
         * Register an integration event type
         * @description Your own type: `key` starts with `external.`. With a `payload_schema`, every emitted `data` is validated against it. 409 when the key is already registered.
         *
         *     Requires scope `integrations:write`.
         */
        post: operations["registerIntegrationEventType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/events/{key}/emit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Emit an event of a registered type
         * @description `data` is validated against the type's `payload_schema` (422 naming each field). The event is written to the event log and delivered to every webhook endpoint subscribed to the key or to `*`, signed and retried like the gateway's own events.
         *
         *     Requires scope `integrations:write`.
         */
        post: operations["emitIntegrationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List analytics event definitions, newest first
         * @description Requires scope `analytics:read`.
         */
        get: operations["listAnalyticsEvents"];
        put?: never;
        /**
         * Define an analytics event
         * @description A name (unique: 409 when taken), an owner, and the property keys its payload may carry.
         *
         *     Requires scope `analytics:write`.
         */
        post: operations["defineAnalyticsEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List analytics property definitions, newest first
         * @description Requires scope `analytics:read`.
         */
        get: operations["listAnalyticsProperties"];
        put?: never;
        /**
         * Define an analytics property
         * @description A key (unique: 409 when taken), its type, and whether events listing it must carry it.
         *
         *     Requires scope `analytics:write`.
         */
        post: operations["defineAnalyticsProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/events/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate an analytics event payload
         * @description Always 200 for a defined event (404 otherwise): `valid`, and one entry in `errors` per field that is missing (`required`), of the wrong type (`invalid_type`) or not a property of the event (`unknown_property`). Changes nothing.
         *
         *     Requires scope `analytics:read`.
         */
        post: operations["validateAnalyticsEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI datasets, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiDatasets"];
        put?: never;
        /**
         * Create a BI dataset
         * @description A view over one of the gateway's tables: its own filters (always applied) and optionally a subset of its fields. The tables themselves (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`) are listed as datasets of kind `table`.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI metrics, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiMetrics"];
        put?: never;
        /**
         * Create a BI metric
         * @description An aggregation (`count`, `count_distinct`, `sum`, `avg`, `min`, `max`, `p50`, `p95`) of a dataset field, with filters, and a time bucket or dimensions.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiMetric"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI reports, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiReports"];
        put?: never;
        /**
         * Create a BI report
         * @description Saved metrics side by side (joined on time bucket and dimensions), or one saved query.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/dashboards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI dashboards, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiDashboards"];
        put?: never;
        /**
         * Create a BI dashboard
         * @description A named set of reports (reports created with its `dashboard_id`) and a layout of yours.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiDashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/scheduled-artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI scheduled artifacts, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiScheduledArtifacts"];
        put?: never;
        /**
         * Create a BI scheduled artifact
         * @description Runs a report or an export every `every_minutes`; each run is an export (CSV or JSON file) and emits `bi.scheduled_artifact.completed` when done.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiScheduledArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/queries/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a BI query, metric or report
         * @description A dataset `query` in the JSON query language (never SQL: only the dataset's fields), a saved `metric_id` or `report_id` (with an optional `time` window). Scoped to the key's workspace and mode; the last 30 days unless a window is given (at most 366 days); at most 100,000 source rows read and 1,000 rows returned; percentiles computed with linear interpolation.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["runBiQuery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BI exports, newest first
         * @description Requires scope `bi:read`.
         */
        get: operations["listBiExports"];
        put?: never;
        /**
         * Create a BI export
         * @description Checks the query, metric or report now (4xx), then produces the CSV or JSON file in the background (up to 10,000 rows): 202 with `status: pending`; poll GET /v1/bi/exports/{id} for `succeeded` and a signed `download_url`. Emits `bi.export.completed` or `bi.export.failed`.
         *
         *     Requires scope `bi:write`.
         */
        post: operations["createBiExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a BI export and its download link
         * @description Requires scope `bi:read`.
         */
        get: operations["getBiExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bi/{collection}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a BI object
         * @description Requires scope `bi:read`.
         */
        get: operations["getBiObject"];
        put?: never;
        post?: never;
        /**
         * Archive a BI object
         * @description Idempotent. Kept, no longer run: an archived metric or report is refused by queries/run (409), an archived schedule stops. The built-in datasets cannot be archived.
         *
         *     Requires scope `bi:write`.
         */
        delete: operations["archiveBiObject"];
        options?: never;
        head?: never;
        /**
         * Update BI object metadata
         * @description `name`, `description` and `status` (`draft`/`active`); what an object computes is fixed once saved.
         *
         *     Requires scope `bi:write`.
         */
        patch: operations["updateBiObject"];
        trace?: never;
    };
    "/v1/identity/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers, newest first
         * @description Filters `tag`, `email`, `query` (or `q`); `cursor` or the seed's `offset` pages.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create customer
         * @description Each of `contacts` is `{ email, display_name? }` (the CRM contact with that email is linked, or a new one is created) or `{ guid }` (an existing CRM contact). The first is the primary contact; a readable `phone` is added to its phones, so calls and SMS from it show on the customer. A contact belongs to one customer (409 `contact_taken` otherwise). Emits `customer.created`.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identity/customers/by-contact/{guid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the customer of a contact
         * @description The customer a CRM contact (`con_…`) belongs to, with its recent calls and SMS; 404 when it belongs to none.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["getCustomerByContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identity/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get customer
         * @description With `recent_calls` and `recent_sms`: its contacts' and its phone's latest calls and texts.
         *
         *     Requires scope `crm:read`.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        /**
         * Delete customer
         * @description Removes the customer; its CRM contacts, their calls and SMS stay. Emits `customer.deleted`.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        /**
         * Update customer
         * @description Partial: `company`, `phone`, `notes` (null clears), `tags` (replaces the list), `metadata` (merged; a key set to null is removed). A new readable phone is added to the primary contact. Emits `customer.updated`.
         *
         *     Requires scope `crm:write`.
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/v1/identity/customers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customer timeline, newest first
         * @description The calls and SMS of any of its contacts, and those with its phone, as `{ type, id, occurred_at, summary, resource }` entries (the contact timeline's). Filter with `type` (`call` | `sms`).
         *
         *     Requires scope `crm:read`.
         */
        get: operations["getCustomerTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identity/customers/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a contact to a customer
         * @description `{ email, display_name? }` or `{ guid }`, as on create. 201 with the customer; 200 when the contact was already on it; 409 `contact_taken` when another customer has it.
         *
         *     Requires scope `crm:write`.
         */
        post: operations["addCustomerContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identity/customers/{id}/contacts/{guid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a contact from a customer
         * @description Unlinks the CRM contact (which stays in the CRM). The last contact cannot be removed (409 `last_contact`): delete the customer instead. Removing the primary contact makes the next one primary.
         *
         *     Requires scope `crm:write`.
         */
        delete: operations["removeCustomerContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/install-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint an install token
         * @description Any key (not a read-only one) mints a single-use token, good for 5 minutes, that `agentline login` exchanges for a key of its own with the same workspace, mode and scopes. Only its SHA-256 is stored. Idempotency-Key is accepted but not stored (the response holds the token): a retry mints another token.
         *
         *     Requires scope `any`.
         */
        post: operations["createInstallToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/install-token/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an install token for an API key
         * @description The token is the credential: send no Authorization header. Answers a new API key once per token; a used token answers 401 `token_invalid` and writes an `auth.install_token.replayed` event, an expired or unknown one 401 `token_invalid`. Attempts are limited per client IP (`AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE`, 429 with `Retry-After`). Emits `auth.install_token.exchanged`.
         *
         *     Needs no API key.
         */
        post: operations["exchangeInstallToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/marketing/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List marketing campaigns
         * @description Archived campaigns only with `status=archived`.
         *
         *     Requires scope `cms:read`.
         */
        get: operations["listMarketingCampaigns"];
        put?: never;
        /**
         * Create marketing campaign
         * @description `key` is unique in the workspace (409). An SMS campaign (`channel: "sms"`) also takes `body_template` (with `{{first_name}}`-style variables; 422 `unknown_variable`), `from_number_id` and an `audience` (`contact_ids`, or a contact `filter`); send it with POST …/send.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createMarketingCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/marketing/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a marketing campaign
         * @description SMS campaigns carry `stats`: recipients by delivery status, replies and cost.
         *
         *     Requires scope `cms:read`.
         */
        get: operations["getMarketingCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a marketing campaign
         * @description While an SMS campaign is sending, `status: "paused"` stops the sender (POST …/send resumes); its text, number and audience change only when it is not sending (409 `campaign_sending`).
         *
         *     Requires scope `cms:write`.
         */
        patch: operations["updateMarketingCampaign"];
        trace?: never;
    };
    "/v1/marketing/campaigns/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an SMS campaign
         * @description Texts the audience from `from_number_id`, in the background at `messages_per_minute`; answers 202 at once with the campaign (`status: "sending"`). Each message is charged per segment as it is sent, like POST /v1/sms. Contacts who replied STOP to that number, or without a phone, are skipped and never charged. 402 `insufficient_credits` (nothing sent, nothing recorded) when the balance cannot cover every message. A contact is texted at most once per campaign: sending again (after a pause, or to contacts that joined the filter) sends only to those not yet texted. The key also needs `sms:write`.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["sendMarketingCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/marketing/campaigns/{id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an SMS campaign's recipients and their delivery status
         * @description Requires scope `cms:read`.
         */
        get: operations["listMarketingCampaignRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/marketing/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List marketing posts
         * @description Requires scope `cms:read`.
         */
        get: operations["listMarketingPosts"];
        put?: never;
        /**
         * Create marketing post
         * @description `campaign_id` must exist (404 naming it). `scheduled` needs `scheduled_at`; `published` sets `published_at` to now unless given.
         *
         *     Requires scope `cms:write`.
         */
        post: operations["createMarketingPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/marketing/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a marketing post
         * @description Requires scope `cms:read`.
         */
        get: operations["getMarketingPost"];
        put?: never;
        post?: never;
        /**
         * Delete a marketing post
         * @description Requires scope `cms:write`.
         */
        delete: operations["deleteMarketingPost"];
        options?: never;
        head?: never;
        /**
         * Update a marketing post
         * @description Requires scope `cms:write`.
         */
        patch: operations["updateMarketingPost"];
        trace?: never;
    };
    "/v1/softphone/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A ticket for the browser softphone
         * @description Test keys only. Returns a short-lived, single-use ticket for calling one of your test numbers from a browser: open `socket_path?ticket=...` (a browser cannot send an Authorization header on a WebSocket, and an API key must never go in a URL). The call is metered against test credits like any test call.
         *
         *     Requires scope `calls:write`.
         */
        post: operations["createSoftphoneTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents, newest first
         * @description Filters `status`, `kind` (exact or `*`/`?` pattern) and `query` (or `q`) over name, kind and role_id. Pages by `cursor` or by `offset`; `count`, `total`, `pagination` and `filters` as seed 001 shows them.
         *
         *     Requires scope `agents:read`.
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Create an agent
         * @description A reusable agent configuration. Point numbers (`agent_id` on POST/PATCH /v1/numbers) and outbound calls (`agent_id` on POST /v1/calls) at it. Needs `config.system_prompt` (managed) or `config.webhook_url`. Emits `agent.created`.
         *
         *     Requires scope `agents:write`.
         */
        post: operations["createAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an agent, with its stats
         * @description Requires scope `agents:read`.
         */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an agent
         * @description `config` merges key by key (null removes a key). The next call or message on every number using the agent follows the change. `status`: `paused` makes its numbers answer "unavailable"; `archived` is refused (409) while numbers use it. Emits `agent.updated`.
         *
         *     Requires scope `agents:write`.
         */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the business identity
         * @description The business profile managed agents speak for: display name, tagline, about, website and services with prices.
         *
         *     Requires scope `identity:read`.
         */
        get: operations["getIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the business identity
         * @description `profile` merges with the stored one: a field given replaces, `null` removes it; `services` merge by `id` (no id: a new service with a generated `svc_` id; `deleted: true` removes one). Emits `identity.updated`.
         *
         *     Requires scope `identity:write`.
         */
        patch: operations["updateIdentity"];
        trace?: never;
    };
    "/v1/usage/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record usage
         * @description A `token_usage` record (your model's tokens) or an `agent_execution` record (something an agent did). Managed agents' tokens are recorded by the gateway itself. Counts against the plan's `tokens` / `executions` limits.
         *
         *     Requires scope `usage:write`.
         */
        post: operations["trackUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage against the plan
         * @description Tokens, agent executions, billed call minutes, charged SMS segments and active numbers for the month (UTC), each against the plan limit the operator set.
         *
         *     Requires scope `usage:read`.
         */
        get: operations["getUsageStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Me */
        Me: {
            key: {
                id: string;
                mode: "test" | "live";
                scopes: string[];
                read_only: boolean;
            };
            workspace: {
                id: string;
                name: string;
            };
        };
        /** Number */
        Number: {
            /** @description `num_` id. */
            id: string;
            /** @description E.164, e.g. +14155550123. */
            phone_number: string;
            /** @description `webhook` when webhook_url is set, else `managed`. */
            mode: "managed" | "webhook";
            status: "active" | "released";
            livemode: boolean;
            system_prompt: string | null;
            webhook_url: string | null;
            webhook_token_set: boolean;
            /** @description Verifies our requests to your webhook: Standard Webhooks signature (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
            webhook_secret: string;
            area_code: string | null;
            voice_id: string | null;
            first_message: string | null;
            /** @description `autopilot` answers with the agent; `off` politely refuses calls. */
            inbound_mode: "autopilot" | "off";
            language: string;
            /** @description How calls carry audio. `relay` (default): Twilio ConversationRelay does speech recognition, synthesis and turn-taking. `stream`: Twilio Media Streams carry the raw audio and the gateway runs its own speech pipeline (voice activity, transcription, synthesis, barge-in) against the configured speech endpoints. `realtime`: speech to speech: Media Streams carry the audio to a Realtime model (`AGENTLINE_REALTIME_*`) that hears and answers the caller itself; managed numbers only (a `system_prompt`, no `webhook_url`). */
            media_mode: "relay" | "stream" | "realtime";
            /** @description `stream`: silence (ms) after the caller's speech that ends their turn. Default 500. */
            endpointing_ms: number;
            /** @description `stream`: caller speech (ms) during the agent's playback that interrupts it; shorter sounds (a cough, "mm") do not. 0 turns barge-in off. Default 250. */
            barge_in_ms: number;
            /** @description Record calls. `stream` and `realtime` calls are recorded by the gateway, `relay` calls by Twilio; fetch one with GET /v1/calls/{id}/recording. Default false; POST /v1/calls can override it per call. */
            recording: boolean;
            metadata: {
                [key: string]: string;
            };
            crm: {
                create_leads: boolean;
            };
            knowledge: {
                collection_id: string;
            } | null;
            agent_id: string | null;
            renews_at: string | null;
            released_at: string | null;
            release_reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Balance */
        Balance: {
            balance_cents: number;
            /** @enum {string} */
            currency: "USD";
            livemode: boolean;
            prices: {
                number_monthly_cents: number;
                inbound_minute_cents: number;
                outbound_minute_cents: number;
                sms_segment_cents: number;
            };
        };
        /** LedgerEntry */
        LedgerEntry: {
            /** @description `led_` id. */
            id: string;
            kind: "purchase" | "number_fee" | "call_minutes" | "sms" | "refund" | "adjustment";
            /** @description Positive adds credits, negative spends them. */
            amount_cents: number;
            balance_after_cents: number;
            /** @enum {string} */
            currency: "USD";
            description: string;
            related_resource: {
                type: string;
                id: string;
            } | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
        };
        /** Event */
        Event: {
            /** @description `evt_` id. */
            id: string;
            /** @description e.g. `number.provisioned`, `credits.purchased`. */
            type: string;
            /** Format: date-time */
            created_at: string;
            livemode: boolean;
            /** @description The resource as it was after the change. */
            data: {
                [key: string]: unknown;
            };
        };
        /** Webhook */
        Webhook: {
            /** @description `wh_` id. */
            id: string;
            url: string;
            name: string | null;
            event_types: string[];
            /** @description `paused` by you; `disabled` by us after days of failures (PATCH `active` to resume). */
            status: "active" | "paused" | "disabled";
            livemode: boolean;
            /** @description e.g. `whsec_abcd...wxyz`. */
            secret_preview: string;
            /** @description The signing secret (`whsec_...`). Only in the response that creates or rotates it. */
            secret?: string;
            previous_secret_expires_at: string | null;
            failing_since: string | null;
            disabled_reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            /** @description `whd_` id. */
            id: string;
            webhook_id: string;
            /** @description Also the `webhook-id` header: stable across retries, use it to deduplicate. */
            event_id: string;
            event_type: string;
            status: "pending" | "succeeded" | "failed";
            attempt_count: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            delivered_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            attempts: {
                /** Format: date-time */
                attempted_at: string;
                status_code: number | null;
                latency_ms: number;
                error: string | null;
                next_attempt_at: string | null;
            }[];
        };
        /** Recording */
        Recording: {
            /** @description Signed download link (no API key needed) until `expires_at`; takes `Range` requests. */
            url: string;
            /** @enum {string} */
            format: "wav";
            /** @description 2: the caller on the left channel, the agent on the right. */
            channels: number;
            duration_seconds: number | null;
            size_bytes: number | null;
            /**
             * Format: date-time
             * @description When `url` stops working; ask again for a fresh one.
             */
            expires_at: string;
        };
        /** Call */
        Call: {
            /** @description `call_` id. */
            id: string;
            number_id: string;
            direction: "inbound" | "outbound";
            from: string;
            to: string;
            status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
            livemode: boolean;
            agent_mode: "managed" | "webhook";
            answered_at: string | null;
            ended_at: string | null;
            duration_seconds: number | null;
            billed_minutes: number;
            cost_cents: number;
            /** @enum {string} */
            currency: "USD";
            turn_count: number;
            end_reason: string | null;
            transfer_to: string | null;
            contact_id: string | null;
            agent_id: string | null;
            metadata: {
                [key: string]: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Transcript */
        Transcript: {
            call_id: string;
            status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
            complete: boolean;
            turns: {
                id: string;
                seq: number;
                speaker: "caller" | "agent" | "system";
                text: string;
                /** Format: date-time */
                started_at: string;
                /** @description The caller barged in; `text` is what they heard. */
                interrupted: boolean;
                timings: {
                    first_token_ms: number | null;
                    gateway_added_ms: number | null;
                    agent_total_ms: number | null;
                    endpointing_ms: number | null;
                    stt_ms: number | null;
                    tts_first_byte_ms: number | null;
                    first_audio_ms: number | null;
                };
                error: string | null;
                tool_calls: unknown[] | null;
            }[];
        };
        /** Sms */
        Sms: {
            /** @description `sms_` id. */
            id: string;
            number_id: string;
            direction: "inbound" | "outbound";
            from: string;
            to: string;
            body: string;
            status: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "received";
            /** @description Billed segments, counted exactly as Twilio counts them (GSM-7 160, or 153 per part; UCS-2 70, or 67 per part; a character is never split across parts). */
            segments: number;
            /** @description GSM-7, or UCS-2 when any character is outside the GSM 03.38 alphabet. */
            encoding: "GSM-7" | "UCS-2";
            cost_cents: number;
            /** @enum {string} */
            currency: "USD";
            error_code: string | null;
            error_message: string | null;
            /** @description Sent by the number's agent in answer to an inbound message. */
            agent_reply: boolean;
            contact_id: string | null;
            livemode: boolean;
            metadata: {
                [key: string]: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Workspace */
        Workspace: {
            /** @description `ws_` id. */
            id: string;
            name: string;
            /** @description The API modules this gateway serves: `activity_log`, `tasks`, `crm`, `support`, `cms`, `assets`, `integrations`, `analytics_governance`, `bi`. */
            enabled_modules: string[];
            /** @description ISO 3166 alpha-2 region (e.g. `US`, `GB`): phone numbers written without a country code are read as numbers of this region. Defaults to `US`. */
            default_region: string;
            /** @description When true, invoices post to receivables and revenue as they are issued and payments to cash (`/v1/accounting`). Off by default; applies to test and live mode alike. */
            accounting_enabled: boolean;
        };
        /** Contact */
        Contact: {
            /** @description `con_` id. */
            id: string;
            name: string;
            email: string | null;
            emails: string[];
            phones: string[];
            /** @description The same numbers as `phones`, in the same order, with their extensions. */
            phone_details: {
                /** @description E.164, as in `phones`. */
                number: string;
                extension: string | null;
            }[];
            company_id: string | null;
            company_name: string | null;
            title: string | null;
            notes: string | null;
            custom_fields: {
                [key: string]: string;
            };
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Company */
        Company: {
            /** @description `com_` id. */
            id: string;
            name: string;
            domain: string | null;
            website: string | null;
            notes: string | null;
            custom_fields: {
                [key: string]: string;
            };
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Activity */
        Activity: {
            /** @description `act_` id. */
            id: string;
            /** @description note | call | sms | email | meeting | agent_action */
            type: "note" | "call" | "sms" | "email" | "meeting" | "agent_action";
            summary: string;
            body: string | null;
            related_resource_type: string | null;
            related_resource_id: string | null;
            /** Format: date-time */
            occurred_at: string;
            metadata: {
                [key: string]: string;
            };
            /** Format: date-time */
            created_at: string;
        };
        /** TimelineEntry */
        TimelineEntry: {
            /** @description call | sms | ticket | task | activity */
            type: "call" | "sms" | "ticket" | "task" | "activity";
            /** @description The resource's id. */
            id: string;
            /**
             * Format: date-time
             * @description When it happened (calls, SMS, tickets, tasks: when they were created).
             */
            occurred_at: string;
            summary: string;
            /** @description The resource, with a few fields; fetch it by id (`/v1/calls/{id}`, `/v1/sms/{id}` ...) for everything. */
            resource: {
                id: string;
                /** @description call, sms: `inbound` | `outbound`. */
                direction?: string;
                /** @description call, sms. */
                from?: string;
                /** @description call, sms. */
                to?: string;
                /** @description call, sms. */
                number_id?: string;
                /** @description call, sms, ticket, task. */
                status?: string;
                duration_seconds?: number | null;
                end_reason?: string | null;
                body?: string | null;
                subject?: string;
                priority?: string;
                source?: string;
                title?: string;
                due_at?: string | null;
                /** @description activity: note | call | sms | email | meeting | agent_action. */
                type?: string;
                /** @description activity. */
                metadata?: {
                    [key: string]: string;
                };
            };
        };
        /** Lead */
        Lead: {
            /** @description `lead_` id. */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            phone_extension: string | null;
            company_name: string | null;
            status: "new" | "working" | "qualified" | "disqualified" | "converted";
            source: "manual" | "website" | "referral" | "campaign" | "import" | "api" | "mcp" | "phone" | "sms" | "other";
            notes: string | null;
            custom_fields: {
                [key: string]: string;
            };
            contact_id: string | null;
            company_id: string | null;
            deal_id: string | null;
            converted_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** DealStage */
        DealStage: {
            /** @description `stage_` id. */
            id: string;
            key: string;
            name: string;
            position: number;
            probability: number | null;
            archived_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Deal */
        Deal: {
            /** @description `deal_` id. */
            id: string;
            name: string;
            /** @description The key of its deal stage. */
            stage: string;
            company_id: string | null;
            contact_id: string | null;
            lead_id: string | null;
            amount_cents: number | null;
            currency: string;
            expected_close_date: string | null;
            custom_fields: {
                [key: string]: string;
            };
            archived_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Invoice */
        Invoice: {
            /** @description `inv_` id. */
            id: string;
            invoice_number: string;
            status: "draft" | "sent" | "partially_paid" | "paid" | "void";
            company_id: string | null;
            contact_id: string | null;
            deal_id: string | null;
            currency: string;
            line_items: {
                /** @description `li_` id. */
                id: string;
                kind: string;
                name: string;
                quantity: number;
                unit_amount_cents: number;
                amount_cents: number;
            }[];
            subtotal_cents: number;
            total_cents: number;
            amount_paid_cents: number;
            /** @description total_cents - amount_paid_cents (0 once void). */
            amount_due_cents: number;
            due_date: string | null;
            notes: string | null;
            sent_at: string | null;
            paid_at: string | null;
            voided_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Payment */
        Payment: {
            /** @description `pay_` id. */
            id: string;
            invoice_id: string;
            amount_cents: number;
            /** @description The invoice's currency. */
            currency: string;
            method: string | null;
            reference: string | null;
            /** Format: date-time */
            paid_at: string;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
        };
        /** SupportQueue */
        SupportQueue: {
            /** @description `queue_` id. */
            id: string;
            livemode: boolean;
            key: string;
            name: string;
            /**
             * @description `archived` queues take no new tickets.
             * @enum {string}
             */
            status: "active" | "paused" | "archived";
            first_response_target_minutes: number | null;
            custom_fields: {
                [key: string]: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** SupportTicket */
        SupportTicket: {
            /** @description `ticket_` id. */
            id: string;
            livemode: boolean;
            subject: string;
            description: string | null;
            /**
             * @description `resolved` sets `resolved_at`, `closed` sets `closed_at`; any other status reopens the ticket and clears both.
             * @enum {string}
             */
            status: "new" | "open" | "pending" | "waiting_on_customer" | "resolved" | "closed";
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * @description Where the ticket came from. Tickets opened from a call or SMS are `phone` / `sms`.
             * @enum {string}
             */
            source: "manual" | "email" | "chat" | "phone" | "sms" | "web" | "api" | "mcp" | "slack" | "other";
            category: string | null;
            queue_id: string | null;
            assignee_id: string | null;
            contact_id: string | null;
            company_id: string | null;
            deal_id: string | null;
            lead_id: string | null;
            invoice_id: string | null;
            call_id: string | null;
            custom_fields: {
                [key: string]: string;
            };
            first_response_due_at: string | null;
            first_responded_at: string | null;
            /** @description True when the first response came after it was due, or has not come (and the ticket is not resolved or closed) and is overdue now. */
            first_response_breached: boolean;
            resolved_at: string | null;
            closed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** SupportTicketMessage */
        SupportTicketMessage: {
            /** @description `msg_` id. */
            id: string;
            livemode: boolean;
            ticket_id: string;
            /**
             * @description `inbound`: from the customer; `outbound`: to the customer (the first one sets the ticket's `first_responded_at`).
             * @enum {string}
             */
            direction: "inbound" | "outbound";
            /** @enum {string} */
            channel: "email" | "chat" | "phone" | "sms" | "web" | "api" | "other";
            body: string;
            author_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        /** SupportTicketComment */
        SupportTicketComment: {
            /** @description `cmt_` id. */
            id: string;
            livemode: boolean;
            ticket_id: string;
            body: string;
            pinned: boolean;
            author_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Task */
        Task: {
            /** @description `task_` id. */
            id: string;
            livemode: boolean;
            title: string;
            description: string | null;
            /**
             * @description `completed` sets `completed_at`, `canceled` sets `canceled_at`; `open` reopens and clears both.
             * @enum {string}
             */
            status: "open" | "completed" | "canceled";
            assignee_id: string | null;
            due_at: string | null;
            related_resource_type: ("contact" | "company" | "lead" | "deal" | "invoice" | "ticket" | "task" | "call" | "sms") | null;
            related_resource_id: string | null;
            completed_note: string | null;
            completed_at: string | null;
            canceled_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** CmsSite */
        CmsSite: {
            /** @description `site_` id. */
            id: string;
            key: string;
            name: string;
            primary_domain: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** CmsCollection */
        CmsCollection: {
            /** @description `col_` id. */
            id: string;
            key: string;
            name: string;
            description: string | null;
            site_id: string | null;
            schema: {
                fields: {
                    /** @description Lowercase letters, digits and `_`, starting with a letter; unique in the collection. */
                    key: string;
                    /** @description `string` (up to 10,000 characters), `markdown` (up to 200,000), `number`, `boolean`, `date` (`YYYY-MM-DD` or an ISO 8601 date-time), `url` (http or https), `reference` (an `ent_` id of this workspace). */
                    type: "string" | "markdown" | "number" | "boolean" | "date" | "url" | "reference";
                    /**
                     * @description Entries must carry a value (not null, not an empty string).
                     * @default false
                     */
                    required: boolean;
                    label?: string;
                    description?: string;
                    /** @description `reference` only: the `col_` collection the referenced entry must belong to. */
                    collection_id?: string;
                }[];
            };
            /** @description True for the collection the gateway keeps itself: `blog` (the blog posts of /v1/blog/posts). */
            built_in: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** CmsEntry */
        CmsEntry: {
            /** @description `ent_` id. */
            id: string;
            collection_id: string;
            site_id: string | null;
            campaign_id: string | null;
            title: string;
            slug: string | null;
            /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
            status: "draft" | "review" | "published" | "archived";
            content_type: string;
            fields: {
                [key: string]: unknown;
            };
            tags: string[];
            custom_fields: {
                [key: string]: string;
            };
            published_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** CmsSearchHit */
        CmsSearchHit: {
            /** @description `ent_` id. */
            id: string;
            collection_id: string;
            site_id: string | null;
            campaign_id: string | null;
            title: string;
            slug: string | null;
            /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
            status: "draft" | "review" | "published" | "archived";
            content_type: string;
            fields: {
                [key: string]: unknown;
            };
            tags: string[];
            custom_fields: {
                [key: string]: string;
            };
            published_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description Relevance: higher is better; comparable within one search only. */
            score: number;
        };
        /** BlogPost */
        BlogPost: {
            /** @description The `ent_` id of the post's CMS entry. */
            id: string;
            title: string;
            slug: string;
            content: string;
            excerpt: string | null;
            cover_image_url: string | null;
            author_name: string;
            author_avatar_url: string | null;
            author_agent_id: string | null;
            status: "draft" | "review" | "published" | "archived";
            published_at: string | null;
            tags: string[];
            meta_description: string | null;
            /** @description The workspace's built-in `blog` collection. */
            collection_id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** AccountingAccount */
        AccountingAccount: {
            /** @description `acct_` id. */
            id: string;
            code: string;
            name: string;
            /** @description asset, liability, equity, revenue or expense. */
            type: "asset" | "liability" | "equity" | "revenue" | "expense";
            description: string | null;
            default_for: ("receivables" | "revenue" | "cash") | null;
            /** @description Posted entries only, on the account's normal side: debits − credits for assets and expenses, credits − debits otherwise. */
            balance_cents: number;
            custom_fields: {
                [key: string]: string;
            };
            archived_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** JournalEntry */
        JournalEntry: {
            /** @description `je_` id. */
            id: string;
            status: "draft" | "posted";
            /** Format: date */
            entry_date: string;
            memo: string | null;
            reference: string | null;
            currency: string;
            lines: {
                /** @description `jel_` id. */
                id: string;
                account_id: string;
                account_code: string;
                account_name: string;
                debit_cents: number;
                credit_cents: number;
                description: string | null;
            }[];
            /** @description The sum of the debits (= the sum of the credits). */
            total_cents: number;
            source: {
                /** @description `invoice` or `payment` for automatic postings. */
                type: string;
                id: string;
            } | null;
            reversal_of: string | null;
            reversed_by: string | null;
            posted_at: string | null;
            custom_fields: {
                [key: string]: string;
            };
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** TrialBalance */
        TrialBalance: {
            currency: string;
            /** @description Entries dated up to and including this day; null for all. */
            as_of: string | null;
            accounts: {
                account_id: string;
                code: string;
                name: string;
                type: string;
                /** @description Sum of posted debits. */
                debit_cents: number;
                /** @description Sum of posted credits. */
                credit_cents: number;
                /** @description debit_cents − credit_cents (positive: a debit balance). */
                balance_cents: number;
            }[];
            total_debit_cents: number;
            total_credit_cents: number;
            /** @description total_debit_cents − total_credit_cents: always 0. */
            balance_cents: number;
            livemode: boolean;
        };
        /** Asset */
        Asset: {
            /** @description `asset_` id. */
            id: string;
            livemode: boolean;
            name: string;
            file_name: string;
            description: string | null;
            /** @enum {string} */
            asset_type: "document" | "image" | "video" | "attachment";
            mime_type: string;
            /**
             * @description `upload_pending` until `complete` confirmed the file; `archived` assets are no longer served.
             * @enum {string}
             */
            status: "upload_pending" | "available" | "archived";
            /**
             * @description `upload`: through `upload_url`; `call_recording`: a call's recording (read-only); `bi_export`: a BI export file.
             * @enum {string}
             */
            source: "upload" | "call_recording" | "bi_export";
            byte_size: number | null;
            checksum_sha256: string | null;
            related_resource_type: string | null;
            related_resource_id: string | null;
            call_id: string | null;
            custom_fields: {
                [key: string]: string;
            };
            /** @description Only when created: PUT the file's bytes here (no API key; the link is signed) until `upload_expires_at`. */
            upload_url?: string;
            upload_expires_at: string | null;
            download_url?: string | null;
            download_expires_at?: string | null;
            completed_at: string | null;
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** IntegrationEventType */
        IntegrationEventType: {
            id: string | null;
            key: string;
            category: string;
            description: string | null;
            /** @description `gateway`: emitted by the gateway itself; `workspace`: registered by you, emitted with POST /v1/integrations/events/{key}/emit. */
            source: "gateway" | "workspace";
            payload_schema: {
                [key: string]: unknown;
            } | null;
            livemode: boolean;
            created_at: string | null;
            updated_at: string | null;
        };
        /** AnalyticsEvent */
        AnalyticsEvent: {
            /** @description `aev_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            owner: string | null;
            properties: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** AnalyticsProperty */
        AnalyticsProperty: {
            /** @description `prop_` id. */
            id: string;
            livemode: boolean;
            key: string;
            /** @enum {string} */
            type: "string" | "number" | "integer" | "boolean" | "timestamp" | "object" | "array";
            description: string | null;
            required: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** BiDataset */
        BiDataset: {
            /** @description `ds_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            /**
             * @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            archived_at: string | null;
            /** @description What queries name in `dataset`. */
            key: string;
            /**
             * @description `table`: a gateway table, built in; `view`: yours.
             * @enum {string}
             */
            kind: "table" | "view";
            source: string;
            /** @description The timestamp field windows and buckets use by default. */
            time_field: string;
            fields: {
                key: string;
                type: string;
                description?: string;
            }[];
            filters: {
                [key: string]: unknown;
            }[];
        };
        /** BiMetric */
        BiMetric: {
            /** @description `met_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            /**
             * @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            archived_at: string | null;
            key: string;
            dataset_id: string;
            dataset: string;
            measure: {
                [key: string]: unknown;
            };
            filters: {
                [key: string]: unknown;
            }[];
            dimensions: string[];
            time: {
                [key: string]: unknown;
            };
        };
        /** BiReport */
        BiReport: {
            /** @description `rpt_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            /**
             * @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            archived_at: string | null;
            metric_ids: string[];
            query: {
                [key: string]: unknown;
            } | null;
            dimensions: string[] | null;
            time: {
                [key: string]: unknown;
            };
            dataset_id: string | null;
            dashboard_id: string | null;
        };
        /** BiDashboard */
        BiDashboard: {
            /** @description `dash_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            /**
             * @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            archived_at: string | null;
            layout: {
                [key: string]: unknown;
            };
            /** @description The reports created with this `dashboard_id`. */
            report_ids: string[];
        };
        /** BiScheduledArtifact */
        BiScheduledArtifact: {
            /** @description `sched_` id. */
            id: string;
            livemode: boolean;
            name: string;
            description: string | null;
            /**
             * @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            archived_at: string | null;
            /** @enum {string} */
            artifact_type: "report" | "export";
            report_id: string | null;
            export: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            format: "csv" | "json";
            every_minutes: number;
            next_run_at: string | null;
            last_run_at: string | null;
            last_export_id: string | null;
        };
        /** BiQueryResult */
        BiQueryResult: {
            /** @enum {string} */
            kind: "query" | "metric" | "report";
            columns: {
                key: string;
                type: string;
            }[];
            rows: {
                [key: string]: unknown;
            }[];
            row_count: number;
            /** @description More groups or rows matched than `limit`. */
            truncated: boolean;
            /** @description Source rows read (at most 100,000 per dataset query). */
            scanned_rows: number;
            time_range: {
                from: string;
                to: string;
            };
            duration_ms: number;
        };
        /** BiExport */
        BiExport: {
            /** @description `exp_` id. */
            id: string;
            livemode: boolean;
            name: string | null;
            /** @enum {string} */
            format: "csv" | "json";
            /** @enum {string} */
            status: "pending" | "running" | "succeeded" | "failed";
            /** @description What it runs: `query`, `metric_id` or `report_id`, and `scheduled_artifact_id` when a schedule made it. */
            source: {
                [key: string]: unknown;
            };
            row_count: number | null;
            asset_id: string | null;
            download_url: string | null;
            download_expires_at: string | null;
            error: string | null;
            started_at: string | null;
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Customer */
        Customer: {
            /** @description `cus_` id. */
            id: string;
            /** @description The workspace (the business identity) the customer belongs to. */
            identity_id: string;
            company: string | null;
            phone: string | null;
            phone_e164: string | null;
            tags: string[];
            notes: string | null;
            metadata: {
                [key: string]: unknown;
            };
            /** @description The primary contact first. */
            contacts: {
                /** @description The CRM contact's id (`con_…`): `GET /v1/contacts/{guid}`. */
                guid: string;
                email: string | null;
                display_name: string;
                is_primary: boolean;
                phones: string[];
                /** @description The contact's CRM timeline (calls, SMS, tickets, tasks, activities). */
                timeline_url: string;
            }[];
            /** @description Single-customer responses only: the 10 latest calls with any of its contacts or from/to its phone. */
            recent_calls?: {
                id: string;
                direction: string;
                from: string;
                to: string;
                status: string;
                duration_seconds: number | null;
                contact_id: string | null;
                /** Format: date-time */
                created_at: string;
            }[];
            /** @description Single-customer responses only: the 10 latest SMS, likewise. */
            recent_sms?: {
                id: string;
                direction: string;
                from: string;
                to: string;
                status: string;
                body: string;
                contact_id: string | null;
                /** Format: date-time */
                created_at: string;
            }[];
            /** @description All of its calls and SMS, newest first, paged: `GET /v1/identity/customers/{id}/timeline`. */
            timeline_url: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** InstallToken */
        InstallToken: {
            /** @description The single-use `ist_…` token: give it to `agentline login` (or POST it to the exchange) within 5 minutes. */
            token: string;
            /** Format: date-time */
            expires_at: string;
            workspace_id: string;
            mode: "test" | "live";
            /** @description The scopes of the minting key, which the exchanged key gets. */
            scopes: string[];
            read_only: boolean;
        };
        /** InstallTokenExchange */
        InstallTokenExchange: {
            /** @description The new API key (`al_test_…` / `al_live_…`), shown only this once. */
            access_token: string;
            /** @enum {string} */
            token_type: "bearer";
            key: {
                /** @description `key_…`; revoke it with `agentline keys revoke`. */
                id: string;
                label: string;
                mode: "test" | "live";
                scopes: string[];
                read_only: boolean;
                /** Format: date-time */
                created_at: string;
            };
            workspace: {
                id: string;
                name: string;
            };
        };
        /** MarketingCampaign */
        MarketingCampaign: {
            /** @description `camp_` id. */
            id: string;
            key: string;
            name: string;
            channel: string;
            status: "draft" | "active" | "sending" | "paused" | "completed" | "archived";
            description: string | null;
            starts_at: string | null;
            ends_at: string | null;
            budget_cents: number | null;
            custom_fields: {
                [key: string]: string;
            };
            body_template: string | null;
            from_number_id: string | null;
            audience: {
                /** @description `con_` ids of this workspace. */
                contact_ids?: string[];
                /** @description Contacts as GET /v1/contacts filters them (archived contacts never); `{}` is every contact. */
                filter?: {
                    /** @description As GET /v1/contacts `query`. */
                    query?: string;
                    company_id?: string;
                    custom_field_key?: string;
                    custom_field_value?: string;
                };
            } | null;
            messages_per_minute: number | null;
            paused_reason: string | null;
            stats: {
                recipients: number;
                /** @description Waiting for the sender. */
                pending: number;
                /** @description Handed to the carrier, no delivery report yet. */
                sent: number;
                delivered: number;
                /** @description Failed or undelivered (failed messages are refunded). */
                failed: number;
                /** @description Opted out, no phone number, duplicate number ... never sent, never charged. */
                skipped: number;
                replied: number;
                /** @description What the messages sent so far cost (refunds deducted). */
                cost_cents: number;
            } | null;
            send_started_at: string | null;
            completed_at: string | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** MarketingCampaignRecipient */
        MarketingCampaignRecipient: {
            /** @description `rcpt_` id. */
            id: string;
            campaign_id: string;
            contact_id: string;
            to: string | null;
            body: string | null;
            segments: number;
            cost_cents: number;
            /** @description `pending` (not sent yet), `skipped` (see `skip_reason`), then the SMS's delivery: `sent`, `delivered`, or `failed` (failed or undelivered). */
            status: "pending" | "skipped" | "sent" | "delivered" | "failed";
            skip_reason: string | null;
            error_code: string | null;
            sms_id: string | null;
            sent_at: string | null;
            replied_at: string | null;
            reply_sms_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** MarketingPost */
        MarketingPost: {
            /** @description `post_` id. */
            id: string;
            channel: string;
            title: string | null;
            body: string;
            campaign_id: string | null;
            status: "draft" | "scheduled" | "published" | "archived";
            url: string | null;
            scheduled_at: string | null;
            published_at: string | null;
            custom_fields: {
                [key: string]: string;
            };
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** SoftphoneTicket */
        SoftphoneTicket: {
            /** @description Pass as `?ticket=` when opening `socket_path`. Good once, until `expires_at`. */
            ticket: string;
            /** Format: date-time */
            expires_at: string;
            /** @description E.164, e.g. +14155552671. */
            to: string;
            from: string | null;
            /** @description How the number talks: a `relay` number takes text frames, the others Media Streams audio. */
            media_mode: "relay" | "stream" | "realtime";
            /** @description `/v1/softphone` (text frames) for a relay number, `/v1/softphone/media` (Media Streams audio) otherwise. */
            socket_path: string;
        };
        /** Agent */
        Agent: {
            /** @description `agt_` id. */
            id: string;
            name: string;
            kind: string;
            role_id: string;
            /** @description `active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call. */
            status: "active" | "paused" | "archived";
            avatar_url: string | null;
            /** @description `webhook` when `config.webhook_url` is set, else `managed`. */
            mode: "managed" | "webhook";
            livemode: boolean;
            /** @description Open tasks assigned to the agent or about its calls and messages. */
            active_tasks: number;
            last_active_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description As given, with `webhook_token` replaced by `webhook_token_set`. */
            config: {
                [key: string]: unknown;
            };
            stats: {
                calls_handled: number;
                /** @description SMS replies the agent wrote. */
                sms_handled: number;
                active_tasks: number;
                completed_tasks: number;
                completion_rate: number | null;
                /** @description Calls it transferred. */
                escalations: number;
                /** @description Tool calls it made on calls. */
                total_actions: number;
                last_active_at: string | null;
            };
            /** @description Active numbers using the agent. */
            numbers: string[];
        };
        /** AgentSummary */
        AgentSummary: {
            /** @description `agt_` id. */
            id: string;
            name: string;
            kind: string;
            role_id: string;
            /** @description `active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call. */
            status: "active" | "paused" | "archived";
            avatar_url: string | null;
            /** @description `webhook` when `config.webhook_url` is set, else `managed`. */
            mode: "managed" | "webhook";
            livemode: boolean;
            /** @description Open tasks assigned to the agent or about its calls and messages. */
            active_tasks: number;
            last_active_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Identity */
        Identity: {
            /** @description `idn_` id. */
            id: string;
            /** @description The workspace's name. */
            handle: string;
            address: string | null;
            /** @enum {string} */
            scope: "business";
            display_name: string | null;
            profile: {
                tagline?: string;
                about?: string;
                website?: string;
                services?: {
                    id: string;
                    name: string;
                    description: string | null;
                    price_cents: number;
                    /** @description `price_cents` in major units. */
                    price: number;
                    currency: string;
                    billing_interval: "one-time" | "monthly" | "yearly";
                    active: boolean;
                }[];
            } | null;
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** UsageRecord */
        UsageRecord: {
            /** @description `use_` id. */
            id: string;
            type: "token_usage" | "agent_execution";
            /** @description `managed`: recorded by the gateway from a managed agent's model. */
            source: "api" | "managed";
            agent_id: string | null;
            related_resource: {
                type: string;
                id: string;
            } | null;
            prompt_tokens: number | null;
            completion_tokens: number | null;
            total_tokens: number | null;
            model: string | null;
            provider: string | null;
            usage_type: string | null;
            operation: string | null;
            status: string | null;
            conversation_id: string | null;
            task_id: string | null;
            message_id: string | null;
            result: {
                [key: string]: unknown;
            } | null;
            metadata: {
                [key: string]: unknown;
            };
            livemode: boolean;
            /** Format: date-time */
            created_at: string;
        };
        /** UsageStats */
        UsageStats: {
            /** @description The plan name the operator set (`unlimited` when none). */
            plan: string;
            /** @description `warn`: a reached limit emits `usage.limit_exceeded`; `block`: it also refuses new calls, SMS or numbers with 402 `plan_limit_exceeded`. */
            enforcement: "warn" | "block";
            period: {
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
            };
            token_usage: {
                current: number;
                limit: number | null;
                percentage: number | null;
                /** @description e.g. `50K / 1M`. */
                formatted: string;
            };
            executions: {
                current: number;
                limit: number | null;
                percentage: number | null;
                /** @description e.g. `50K / 1M`. */
                formatted: string;
            };
            minutes: {
                current: number;
                limit: number | null;
                percentage: number | null;
                /** @description e.g. `50K / 1M`. */
                formatted: string;
            };
            sms_segments: {
                current: number;
                limit: number | null;
                percentage: number | null;
                /** @description e.g. `50K / 1M`. */
                formatted: string;
            };
            numbers: {
                current: number;
                limit: number | null;
                percentage: number | null;
                /** @description e.g. `50K / 1M`. */
                formatted: string;
            };
        };
        /** Error */
        Error: {
            error: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                }[];
            };
            request_id: string;
        };
    };
    responses: {
        /** @description Malformed request (`bad_request`, `invalid_json`). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing or invalid key (`token_missing`, `token_invalid`). */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Read-only key or missing scope (`token_read_only`, `forbidden`). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found, or another workspace's (`not_found`). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Idempotency or state conflict (`idempotency_conflict`, `idempotency_in_progress`, `conflict`). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A body without `Content-Type: application/json` (`unsupported_media_type`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Field-level validation failed (`validation_error`); `details` name the fields. */
        ValidationError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited (`rate_limit_exceeded`); retry after `Retry-After` seconds. */
        RateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal error (`internal_error`); quote the request id. */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The balance cannot pay for this (`insufficient_credits`); `details` say how much is needed. Nothing was charged. */
        InsufficientCredits: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The carrier refused or failed (`carrier_error`), with its message; nothing was charged. */
        CarrierError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Temporarily unavailable (`unavailable`); retry later with the same `Idempotency-Key`. */
        Unavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request (`req_...`), also in the body as `request_id`. */
        "X-Request-Id": string;
        /** @description Requests allowed in the current window of the strictest bucket (key, workspace or client IP). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description `true` when this is the stored response to an earlier request with the same `Idempotency-Key`; nothing was done again. */
        "Idempotent-Replayed": "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Me"];
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listNumbers: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "active" | "released";
                /** @description E.164, e.g. +14155552671. */
                phone_number?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Number"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createNumber: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Managed mode: the model's instructions. Webhook mode: sent to the webhook as the system message. */
                    system_prompt?: string;
                    /** @description Webhook mode: each caller turn is POSTed here in OpenAI chat-completions format. */
                    webhook_url?: string;
                    /** @description Sent as `Authorization: Bearer <token>` to the webhook, so it can be any OpenAI-compatible server. Never returned. */
                    webhook_token?: string;
                    /** @description Three-digit US area code. */
                    area_code?: string;
                    /** @description The voice the caller hears. `relay`: a ConversationRelay (ElevenLabs) voice id. `stream`: a voice of the speech model, e.g. `alloy`. `realtime`: a voice of the Realtime model, e.g. `marin` (the gateway's own lines use the speech model's voice of the same name). */
                    voice_id?: string;
                    /** @description Spoken when a call connects. */
                    first_message?: string;
                    /** @description `autopilot` answers with the agent; `off` politely refuses calls. */
                    inbound_mode?: "autopilot" | "off";
                    /** @description BCP 47 tag, e.g. `en-US`. */
                    language?: string;
                    /** @description How calls carry audio. `relay` (default): Twilio ConversationRelay does speech recognition, synthesis and turn-taking. `stream`: Twilio Media Streams carry the raw audio and the gateway runs its own speech pipeline (voice activity, transcription, synthesis, barge-in) against the configured speech endpoints. `realtime`: speech to speech: Media Streams carry the audio to a Realtime model (`AGENTLINE_REALTIME_*`) that hears and answers the caller itself; managed numbers only (a `system_prompt`, no `webhook_url`). */
                    media_mode?: "relay" | "stream" | "realtime";
                    /** @description `stream`: silence (ms) after the caller's speech that ends their turn. Default 500. */
                    endpointing_ms?: number;
                    /** @description `stream`: caller speech (ms) during the agent's playback that interrupts it; shorter sounds (a cough, "mm") do not. 0 turns barge-in off. Default 250. */
                    barge_in_ms?: number;
                    /** @description Record calls. `stream` and `realtime` calls are recorded by the gateway, `relay` calls by Twilio; fetch one with GET /v1/calls/{id}/recording. Default false; POST /v1/calls can override it per call. */
                    recording?: boolean;
                    /** @description Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    metadata?: {
                        [key: string]: string;
                    };
                    crm?: {
                        /** @description Open a lead (source phone or sms) for callers and texters not in the CRM. */
                        create_leads?: boolean;
                    };
                    /** @description Managed agents get a `search_knowledge` tool that searches this collection's entries (all but archived ones) during calls and SMS. */
                    knowledge?: {
                        /** @description A `col_` CMS collection of this workspace (404 otherwise). */
                        collection_id: string;
                    };
                    /** @description A reusable agent (`agt_`, see /v1/agents) whose settings replace the number's own on every call and message: its prompt or webhook always, its voice, language, media mode, first message and speech timings where it sets them. 422 when archived or unknown. */
                    agent_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Number"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["CarrierError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `num_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Number"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    releaseNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `num_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Number"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["CarrierError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateNumber: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `num_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    system_prompt?: string | null;
                    webhook_url?: string | null;
                    webhook_token?: string | null;
                    voice_id?: string | null;
                    first_message?: string | null;
                    /** @description `autopilot` answers with the agent; `off` politely refuses calls. */
                    inbound_mode?: "autopilot" | "off";
                    /** @description BCP 47 tag, e.g. `en-US`. */
                    language?: string;
                    /** @description How calls carry audio. `relay` (default): Twilio ConversationRelay does speech recognition, synthesis and turn-taking. `stream`: Twilio Media Streams carry the raw audio and the gateway runs its own speech pipeline (voice activity, transcription, synthesis, barge-in) against the configured speech endpoints. `realtime`: speech to speech: Media Streams carry the audio to a Realtime model (`AGENTLINE_REALTIME_*`) that hears and answers the caller itself; managed numbers only (a `system_prompt`, no `webhook_url`). */
                    media_mode?: "relay" | "stream" | "realtime";
                    /** @description `stream`: silence (ms) after the caller's speech that ends their turn. Default 500. */
                    endpointing_ms?: number;
                    /** @description `stream`: caller speech (ms) during the agent's playback that interrupts it; shorter sounds (a cough, "mm") do not. 0 turns barge-in off. Default 250. */
                    barge_in_ms?: number;
                    /** @description Record calls. `stream` and `realtime` calls are recorded by the gateway, `relay` calls by Twilio; fetch one with GET /v1/calls/{id}/recording. Default false; POST /v1/calls can override it per call. */
                    recording?: boolean;
                    /** @description Merged into the existing metadata; a key set to "" or null is removed. */
                    metadata?: {
                        [key: string]: string | null;
                    };
                    crm?: {
                        /** @description Open a lead (source phone or sms) for callers and texters not in the CRM. */
                        create_leads?: boolean;
                    };
                    knowledge?: {
                        /** @description A `col_` CMS collection of this workspace (404 otherwise). */
                        collection_id: string;
                    } | null;
                    agent_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Number"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Balance"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    purchaseCredits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A positive multiple of 1000 (packs of $10.00). */
                    amount_cents: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LedgerEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listLedgerEntries: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                kind?: "purchase" | "number_fee" | "call_minutes" | "sms" | "refund" | "adjustment";
                /** @description Only entries about this resource (e.g. a number or call id). */
                related_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LedgerEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Exact type, or a prefix ending in `.*` (e.g. `number.*`). */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Event"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `evt_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Event"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where events are POSTed. Private, loopback and link-local addresses are refused unless the operator allows them. */
                    url: string;
                    /** @description Types to receive; `["*"]` for all. */
                    event_types: (string | ("*" | "number.provisioned" | "number.updated" | "number.released" | "number.renewed" | "number.renewal_failed" | "credits.purchased" | "credits.low" | "call.started" | "call.ended" | "call.transcript.ready" | "call.recording.ready" | "sms.sent" | "sms.received" | "sms.delivered" | "sms.failed" | "webhook_endpoint.disabled" | "webhook.test" | "contact.created" | "lead.created" | "lead.converted" | "deal.stage_changed" | "ticket.created" | "ticket.updated" | "invoice.paid" | "task.created" | "customer.created" | "customer.updated" | "customer.deleted" | "auth.install_token.exchanged" | "auth.install_token.replayed" | "agent.created" | "agent.updated" | "identity.updated" | "usage.limit_exceeded" | "asset.available" | "asset.archived" | "bi.export.completed" | "bi.export.failed" | "bi.scheduled_artifact.completed") | unknown)[];
                    /** @description Your label for the endpoint. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where events are POSTed. Private, loopback and link-local addresses are refused unless the operator allows them. */
                    url?: string;
                    /** @description Types to receive; `["*"]` for all. */
                    event_types?: (string | ("*" | "number.provisioned" | "number.updated" | "number.released" | "number.renewed" | "number.renewal_failed" | "credits.purchased" | "credits.low" | "call.started" | "call.ended" | "call.transcript.ready" | "call.recording.ready" | "sms.sent" | "sms.received" | "sms.delivered" | "sms.failed" | "webhook_endpoint.disabled" | "webhook.test" | "contact.created" | "lead.created" | "lead.converted" | "deal.stage_changed" | "ticket.created" | "ticket.updated" | "invoice.paid" | "task.created" | "customer.created" | "customer.updated" | "customer.deleted" | "auth.install_token.exchanged" | "auth.install_token.replayed" | "agent.created" | "agent.updated" | "identity.updated" | "usage.limit_exceeded" | "asset.available" | "asset.archived" | "bi.export.completed" | "bi.export.failed" | "bi.scheduled_artifact.completed") | unknown)[];
                    name?: string | null;
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                /** @description A `wh_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `wh_` id. */
                id: string;
                /** @description A `whd_` id. */
                delivery_id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCallRecording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `call_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Recording"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCallRecording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `call_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            call_id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCalls: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                number_id?: string;
                status?: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
                direction?: "inbound" | "outbound";
                /** @description Calls from this number, in any form. */
                from?: string;
                /** @description Calls to this number, in any form. */
                to?: string;
                created_after?: string;
                created_before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Call"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `num_` id of your number that places the call. */
                    from: string;
                    /** @description The number to call, in any form libphonenumber reads (`(415) 555-2671`, `+44 20 7946 0958`); stored and returned in E.164. 422 `invalid_phone` when it is not a valid number. */
                    to: string;
                    /** @description Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    metadata?: {
                        [key: string]: string;
                    };
                    /** @description Overrides the number's first_message for this call. */
                    first_message?: string;
                    /** @description Overrides the number's system_prompt for this call. */
                    system_prompt?: string;
                    /** @description Record this call (or not), whatever the number's `recording` setting says. */
                    recording?: boolean;
                    /** @description An agent (`agt_`) whose settings run this call instead of the number's (or its agent's). 422 when archived or unknown, 409 when paused. */
                    agent_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Call"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["CarrierError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `call_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Call"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCallTranscript: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `call_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Transcript"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    hangupCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `call_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Call"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["CarrierError"];
            503: components["responses"]["Unavailable"];
        };
    };
    chatWithNumber: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `num_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What you say to the agent. */
                    message: string;
                    /** @description Continue a conversation: the `conversation_id` of an earlier reply, or your own id for it (1-100 of A-Z a-z 0-9 _ . : -), which starts a conversation on first use and continues it afterwards. Ids are per number; `conv_` ids are ours. */
                    conversation_id?: string;
                };
            };
        };
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSms: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                number_id?: string;
                direction?: "inbound" | "outbound";
                status?: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "received";
                /** @description The other party's number, in any form. */
                counterpart?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sms"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    sendSms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `num_` id of your number. */
                    from: string;
                    /** @description The recipient, in any form libphonenumber reads (`(415) 555-2671`, `+44 20 7946 0958`); stored and returned in E.164. 422 `invalid_phone` when it is not a valid number. */
                    to: string;
                    body: string;
                    /** @description Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    metadata?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sms"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["CarrierError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `sms_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sms"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    simulateInboundSms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your test number: its `num_` id. */
                    to: string;
                    /** @description The sender, in any form libphonenumber reads; stored in E.164. */
                    from: string;
                    body: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sms"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Workspace"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ISO 3166 alpha-2 region (e.g. `US`, `GB`): phone numbers written without a country code are read as numbers of this region. Defaults to `US`. */
                    default_region?: string;
                    /** @description When true, invoices post to receivables and revenue as they are issued and payments to cash (`/v1/accounting`). Off by default; applies to test and live mode alike. */
                    accounting_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Workspace"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Free-text search across contact name, email, company, and notes (every word, as a prefix). */
                query?: string;
                /** @description Restrict results to contacts linked to this company. */
                company_id?: string;
                /** @description Any of the contact's phones, in any form (read in the workspace's `default_region`; 422 `invalid_phone` if it is not a valid number). */
                phone?: string;
                /** @description Any of the contact's emails (case-insensitive). */
                email?: string;
                /** @description Include archived contacts. */
                include_archived?: boolean;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contact"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email?: string;
                    /** @description Every email of the contact; `email` is always among them (first). */
                    emails?: string[];
                    /** @description Phone numbers in any form libphonenumber reads (`(415) 555-2671`, `+44 (0)20 7946 0958`, `011 44 20 7946 0958`, with an extension as `ext. 12`, `x12` or `;ext=12`); stored in E.164. Numbers without a country code are read in the workspace's `default_region`. A number that is not valid is a 422 `invalid_phone` on `phones[i]`. */
                    phones?: string[];
                    /** @description A `com_` id in this workspace (404 otherwise). Sets `company_name` from the company. */
                    company_id?: string;
                    /** @description Free text; ignored when `company_id` is set (the company's name is used). */
                    company_name?: string;
                    title?: string;
                    notes?: string;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `con_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `con_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `con_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string | null;
                    emails?: string[] | null;
                    phones?: string[] | null;
                    company_id?: string | null;
                    company_name?: string | null;
                    title?: string | null;
                    notes?: string | null;
                    /** @description Merged into the existing custom fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCompanies: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Free-text search across company name, domain, website, and notes (every word, as a prefix). */
                query?: string;
                /** @description Exact domain (case-insensitive). */
                domain?: string;
                /** @description Include archived companies. */
                include_archived?: boolean;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description e.g. `acme.com`; stored in lower case. */
                    domain?: string;
                    website?: string;
                    notes?: string;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `com_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `com_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `com_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    domain?: string | null;
                    website?: string | null;
                    notes?: string | null;
                    /** @description Merged into the existing custom fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listActivities: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Free-text search across activity summary and body (every word, as a prefix). */
                query?: string;
                /** @description note | call | sms | email | meeting | agent_action */
                type?: "note" | "call" | "sms" | "email" | "meeting" | "agent_action";
                /** @description One of contact, company, lead, deal, invoice, ticket, task, call, sms. */
                related_resource_type?: "contact" | "company" | "lead" | "deal" | "invoice" | "ticket" | "task" | "call" | "sms";
                related_resource_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Activity"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description note | call | sms | email | meeting | agent_action */
                    type: "note" | "call" | "sms" | "email" | "meeting" | "agent_action";
                    summary: string;
                    body?: string;
                    /** @description One of contact, company, lead, deal, invoice, ticket, task, call, sms. */
                    related_resource_type?: "contact" | "company" | "lead" | "deal" | "invoice" | "ticket" | "task" | "call" | "sms";
                    /** @description Must exist in this workspace (404 otherwise); goes with `related_resource_type`. */
                    related_resource_id?: string;
                    /**
                     * Format: date-time
                     * @description When it happened; defaults to now.
                     */
                    occurred_at?: string;
                    /** @description Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    metadata?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Activity"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `act_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Activity"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getContactTimeline: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description call | sms | ticket | task | activity */
                type?: "call" | "sms" | "ticket" | "task" | "activity";
            };
            header?: never;
            path: {
                /** @description A `con_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["TimelineEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listLeads: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Full-text search over name, email, phone, company and notes (every word, as a prefix). */
                query?: string;
                status?: "new" | "working" | "qualified" | "disqualified" | "converted";
                source?: "manual" | "website" | "referral" | "campaign" | "import" | "api" | "mcp" | "phone" | "sms" | "other";
                /** @description Leads with this phone number (any format, read in the workspace's `default_region`; 422 `invalid_phone` if it is not a phone number). */
                phone?: string;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    email?: string | null;
                    phone?: string | null;
                    company_name?: string | null;
                    /** @description `converted` is set only by POST /v1/leads/{id}/convert. */
                    status?: "new" | "working" | "qualified" | "disqualified";
                    source?: "manual" | "website" | "referral" | "campaign" | "import" | "api" | "mcp" | "phone" | "sms" | "other";
                    notes?: string | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `lead_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `lead_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `lead_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string | null;
                    phone?: string | null;
                    company_name?: string | null;
                    /** @description `converted` is set only by POST /v1/leads/{id}/convert. */
                    status?: "new" | "working" | "qualified" | "disqualified";
                    source?: "manual" | "website" | "referral" | "campaign" | "import" | "api" | "mcp" | "phone" | "sms" | "other";
                    notes?: string | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    convertLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `lead_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Also open a deal. Defaults to true when any deal_* field or amount_cents is given, else false. */
                    create_deal?: boolean;
                    /** @description Defaults to the company name, else the lead name. */
                    deal_name?: string;
                    /** @description A stage key; defaults to the first stage by position. */
                    deal_stage?: string;
                    amount_cents?: number;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lead"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listDealStages: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Full-text search over key and name. */
                query?: string;
                /** @description Also list archived rows. */
                include_archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStage"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createDealStage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lower-case letters, digits and `_`, up to 40; unique in the workspace. Deals name their stage by key. */
                    key: string;
                    name?: string;
                    /** @description Stages are ordered by position, then key. */
                    position?: number;
                    probability?: number | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStage"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getDealStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `stage_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStage"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteDealStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `stage_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStage"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateDealStage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `stage_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Stages are ordered by position, then key. */
                    position?: number;
                    probability?: number | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStage"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listDeals: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                stage?: string;
                company_id?: string;
                contact_id?: string;
                custom_field_key?: string;
                custom_field_value?: string;
                /** @description Also list archived rows. */
                include_archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description A deal stage `key`; 422 `unknown_stage` if there is none (or it is archived). */
                    stage?: string;
                    company_id?: string | null;
                    contact_id?: string | null;
                    lead_id?: string | null;
                    amount_cents?: number | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    expected_close_date?: string | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `deal_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `deal_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `deal_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description A deal stage `key`; 422 `unknown_stage` if there is none (or it is archived). */
                    stage?: string;
                    company_id?: string | null;
                    contact_id?: string | null;
                    amount_cents?: number | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    expected_close_date?: string | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "draft" | "sent" | "partially_paid" | "paid" | "void";
                company_id?: string;
                contact_id?: string;
                deal_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique in the workspace (409 `conflict` otherwise); printable ASCII, up to 50. Omit it for the next `INV-0001`-style number. */
                    invoice_number?: string;
                    /** @description Default `draft`; `sent` issues it at once. */
                    status?: "draft" | "sent";
                    company_id?: string | null;
                    contact_id?: string | null;
                    deal_id?: string | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    due_date?: string | null;
                    notes?: string | null;
                    /** @description Up to 100. amount = quantity × unit_amount; subtotal = the sum; total = subtotal (no tax). */
                    line_items?: {
                        /** @description Your category, e.g. `service`, `product`, `fee`. */
                        kind: string;
                        name: string;
                        /** @default 1 */
                        quantity: number;
                        unit_amount_cents: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `inv_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `inv_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `inv_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique in the workspace (409 `conflict` otherwise); printable ASCII, up to 50. Omit it for the next `INV-0001`-style number. */
                    invoice_number?: string;
                    /** @description `sent` issues a draft; `void` cancels an invoice that has no payments. */
                    status?: "sent" | "void";
                    company_id?: string | null;
                    contact_id?: string | null;
                    deal_id?: string | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    due_date?: string | null;
                    notes?: string | null;
                    /** @description Up to 100. amount = quantity × unit_amount; subtotal = the sum; total = subtotal (no tax). */
                    line_items?: {
                        /** @description Your category, e.g. `service`, `product`, `fee`. */
                        kind: string;
                        name: string;
                        /** @default 1 */
                        quantity: number;
                        unit_amount_cents: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invoice"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listPayments: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                invoice_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `inv_` id it pays; 404 if there is no such invoice. */
                    invoice_id: string;
                    /** @description At most the amount still due (422 `exceeds_balance_due`). */
                    amount_cents: number;
                    /** @description How it was paid, e.g. `card`, `bank_transfer`, `cash`, `check`. */
                    method?: string;
                    /** @description Your reference: a transfer id, a check number ... */
                    reference?: string;
                    /**
                     * Format: date-time
                     * @description When the money arrived; defaults to now.
                     */
                    paid_at?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `pay_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Payment"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSupportQueues: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or key. */
                query?: string;
                /** @description `archived` queues take no new tickets. */
                status?: "active" | "paused" | "archived";
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportQueue"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createSupportQueue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your handle for the queue, unique in the workspace: lowercase letters, digits, `_` and `-`, up to 40. */
                    key: string;
                    name: string;
                    /**
                     * @description `archived` queues take no new tickets.
                     * @enum {string}
                     */
                    status?: "active" | "paused" | "archived";
                    first_response_target_minutes?: number | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportQueue"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupportQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `queue_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportQueue"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSupportQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `queue_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportQueue"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateSupportQueue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `queue_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your handle for the queue, unique in the workspace: lowercase letters, digits, `_` and `-`, up to 40. */
                    key?: string;
                    name?: string;
                    /**
                     * @description `archived` queues take no new tickets.
                     * @enum {string}
                     */
                    status?: "active" | "paused" | "archived";
                    first_response_target_minutes?: number | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportQueue"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSupportTickets: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Full-text search over subject, description, category and messages; every word must match (as a prefix). */
                query?: string;
                /** @description `resolved` sets `resolved_at`, `closed` sets `closed_at`; any other status reopens the ticket and clears both. */
                status?: "new" | "open" | "pending" | "waiting_on_customer" | "resolved" | "closed";
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description Where the ticket came from. Tickets opened from a call or SMS are `phone` / `sms`. */
                source?: "manual" | "email" | "chat" | "phone" | "sms" | "web" | "api" | "mcp" | "slack" | "other";
                category?: string;
                /** @description Tickets in this queue. */
                queue_id?: string;
                /** @description Tickets assigned to this id. */
                assignee_id?: string;
                /** @description Tickets of this contact. */
                contact_id?: string;
                /** @description Tickets of this company. */
                company_id?: string;
                /** @description Tickets about this deal. */
                deal_id?: string;
                /** @description Tickets about this lead. */
                lead_id?: string;
                /** @description Tickets about this invoice. */
                invoice_id?: string;
                /** @description Tickets opened from this call. */
                call_id?: string;
                /** @description `true`: the first response is (or was) late; `false`: on time or no target. */
                breached?: boolean;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicket"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createSupportTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subject: string;
                    description?: string;
                    /**
                     * @description `resolved` sets `resolved_at`, `closed` sets `closed_at`; any other status reopens the ticket and clears both.
                     * @enum {string}
                     */
                    status?: "new" | "open" | "pending" | "waiting_on_customer" | "resolved" | "closed";
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /**
                     * @description Where the ticket came from. Tickets opened from a call or SMS are `phone` / `sms`.
                     * @enum {string}
                     */
                    source?: "manual" | "email" | "chat" | "phone" | "sms" | "web" | "api" | "mcp" | "slack" | "other";
                    category?: string;
                    /** @description Who works on the ticket: your own user or agent id. */
                    assignee_id?: string;
                    /** @description A `queue_` id. Its `first_response_target_minutes` sets `first_response_due_at`. */
                    queue_id?: string;
                    /** @description A `con_` id. */
                    contact_id?: string;
                    /** @description A `com_` id. */
                    company_id?: string;
                    /** @description A `deal_` id. */
                    deal_id?: string;
                    /** @description A `lead_` id. */
                    lead_id?: string;
                    /** @description An `inv_` id. */
                    invoice_id?: string;
                    /** @description The `call_` the ticket came from. */
                    call_id?: string;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicket"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupportTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicket"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSupportTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicket"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateSupportTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subject?: string;
                    description?: string | null;
                    /**
                     * @description `resolved` sets `resolved_at`, `closed` sets `closed_at`; any other status reopens the ticket and clears both.
                     * @enum {string}
                     */
                    status?: "new" | "open" | "pending" | "waiting_on_customer" | "resolved" | "closed";
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    category?: string | null;
                    assignee_id?: string | null;
                    queue_id?: string | null;
                    contact_id?: string | null;
                    company_id?: string | null;
                    deal_id?: string | null;
                    lead_id?: string | null;
                    invoice_id?: string | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicket"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSupportTicketMessages: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the body. */
                query?: string;
                /** @description `inbound`: from the customer; `outbound`: to the customer (the first one sets the ticket's `first_responded_at`). */
                direction?: "inbound" | "outbound";
                channel?: "email" | "chat" | "phone" | "sms" | "web" | "api" | "other";
            };
            header?: never;
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicketMessage"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createSupportTicketMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description `inbound`: from the customer; `outbound`: to the customer (the first one sets the ticket's `first_responded_at`).
                     * @enum {string}
                     */
                    direction: "inbound" | "outbound";
                    /** @enum {string} */
                    channel?: "email" | "chat" | "phone" | "sms" | "web" | "api" | "other";
                    body: string;
                    /** @description Who wrote it: your own user or agent id. */
                    author_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicketMessage"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSupportTicketComments: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the body. */
                query?: string;
                pinned?: boolean;
            };
            header?: never;
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicketComment"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createSupportTicketComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ticket_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @description Pinned comments stay on top of the ticket for everyone working on it. */
                    pinned?: boolean;
                    /** @description Who wrote it: your own user or agent id. */
                    author_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicketComment"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSupportTicketComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ticket_` id. */
                id: string;
                /** @description A `cmt_` id. */
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateSupportTicketComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ticket_` id. */
                id: string;
                /** @description A `cmt_` id. */
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    /** @description Pinned comments stay on top of the ticket for everyone working on it. */
                    pinned?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SupportTicketComment"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description `completed` sets `completed_at`, `canceled` sets `canceled_at`; `open` reopens and clears both. */
                status?: "open" | "completed" | "canceled";
                /** @description Tasks assigned to this id. */
                assignee_id?: string;
                /** @description The kind of resource the task is about; `related_resource_id` must exist (404 otherwise). */
                related_resource_type?: "contact" | "company" | "lead" | "deal" | "invoice" | "ticket" | "task" | "call" | "sms";
                /** @description Tasks about this resource. */
                related_resource_id?: string;
                /** @description Tasks due at or before this time. */
                due_before?: string;
                /** @description Tasks due at or after this time. */
                due_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /** @description Who should do it: your own user or agent id. */
                    assignee_id?: string;
                    /**
                     * Format: date-time
                     * @description When the task is due (ISO 8601).
                     */
                    due_at?: string;
                    /**
                     * @description The kind of resource the task is about; `related_resource_id` must exist (404 otherwise).
                     * @enum {string}
                     */
                    related_resource_type?: "contact" | "company" | "lead" | "deal" | "invoice" | "ticket" | "task" | "call" | "sms";
                    /** @description The id of the related resource (`con_...`, `ticket_...`). */
                    related_resource_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `task_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `task_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `task_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string | null;
                    assignee_id?: string | null;
                    due_at?: string | null;
                    /**
                     * @description `completed` sets `completed_at`, `canceled` sets `canceled_at`; `open` reopens and clears both.
                     * @enum {string}
                     */
                    status?: "open" | "completed" | "canceled";
                    completed_note?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCmsSites: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Part of the name, key or domain (case-insensitive). */
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsSite"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCmsSite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lowercase letters, digits, `_` and `-`; unique in the workspace. */
                    key: string;
                    name: string;
                    /** @description A host name, e.g. `slab5.com`. */
                    primary_domain?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsSite"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCmsSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `site_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsSite"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCmsCollections: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Restrict results to one site. */
                site_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsCollection"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCmsCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Lowercase letters, digits, `_` and `-`; unique in the workspace. */
                    key: string;
                    description?: string;
                    /** @description A `site_` id of this workspace (404 otherwise). */
                    site_id?: string;
                    /** @description The fields every entry of the collection is checked against. */
                    schema: {
                        fields: {
                            /** @description Lowercase letters, digits and `_`, starting with a letter; unique in the collection. */
                            key: string;
                            /** @description `string` (up to 10,000 characters), `markdown` (up to 200,000), `number`, `boolean`, `date` (`YYYY-MM-DD` or an ISO 8601 date-time), `url` (http or https), `reference` (an `ent_` id of this workspace). */
                            type: "string" | "markdown" | "number" | "boolean" | "date" | "url" | "reference";
                            /**
                             * @description Entries must carry a value (not null, not an empty string).
                             * @default false
                             */
                            required?: boolean;
                            label?: string;
                            description?: string;
                            /** @description `reference` only: the `col_` collection the referenced entry must belong to. */
                            collection_id?: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsCollection"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCmsCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `col_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsCollection"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCmsCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `col_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description `schema` replaces the field list; existing entries are checked against it at their next write. The built-in `blog` collection keeps its schema. */
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    site_id?: string | null;
                    /** @description The fields every entry of the collection is checked against. */
                    schema?: {
                        fields: {
                            /** @description Lowercase letters, digits and `_`, starting with a letter; unique in the collection. */
                            key: string;
                            /** @description `string` (up to 10,000 characters), `markdown` (up to 200,000), `number`, `boolean`, `date` (`YYYY-MM-DD` or an ISO 8601 date-time), `url` (http or https), `reference` (an `ent_` id of this workspace). */
                            type: "string" | "markdown" | "number" | "boolean" | "date" | "url" | "reference";
                            /**
                             * @description Entries must carry a value (not null, not an empty string).
                             * @default false
                             */
                            required?: boolean;
                            label?: string;
                            description?: string;
                            /** @description `reference` only: the `col_` collection the referenced entry must belong to. */
                            collection_id?: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsCollection"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCmsEntries: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Restrict results to one collection. */
                collection_id?: string;
                /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
                status?: "draft" | "review" | "published" | "archived";
                /** @description What the entry is; default `other`. */
                content_type?: "website_page" | "landing_page" | "blog_post" | "article" | "social_post" | "email" | "case_study" | "asset_brief" | "other";
                /** @description Restrict results to one site. */
                site_id?: string;
                /** @description Restrict results to one campaign. */
                campaign_id?: string;
                /** @description Entries carrying this tag. */
                tag?: string;
                /** @description Free-text search across title and fields (every word, as a prefix). */
                query?: string;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCmsEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A `col_` id of this workspace (404 otherwise). */
                    collection_id: string;
                    title: string;
                    /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
                    status?: "draft" | "review" | "published" | "archived";
                    /** @description What the entry is; default `other`. */
                    content_type?: "website_page" | "landing_page" | "blog_post" | "article" | "social_post" | "email" | "case_study" | "asset_brief" | "other";
                    /** @description A `site_` id of this workspace (404 otherwise). */
                    site_id?: string;
                    /** @description The marketing campaign the entry belongs to (a label to filter by). */
                    campaign_id?: string;
                    /** @description Values keyed by the collection's field keys, each checked against its type (422 naming `fields.<key>`). */
                    fields?: {
                        [key: string]: unknown;
                    };
                    /** @description Labels to filter by (`tag`); duplicates are dropped. */
                    tags?: string[];
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    searchCmsEntries: {
        parameters: {
            query: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description What to look for: entries matching more of its words, and in the title, rank higher. Words are stemmed and matched as prefixes. */
                query: string;
                /** @description Restrict results to one collection. */
                collection_id?: string;
                /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
                status?: "draft" | "review" | "published" | "archived";
                /** @description What the entry is; default `other`. */
                content_type?: "website_page" | "landing_page" | "blog_post" | "article" | "social_post" | "email" | "case_study" | "asset_brief" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsSearchHit"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCmsEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCmsEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCmsEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @description `draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`. */
                    status?: "draft" | "review" | "published" | "archived";
                    /** @description What the entry is; default `other`. */
                    content_type?: "website_page" | "landing_page" | "blog_post" | "article" | "social_post" | "email" | "case_study" | "asset_brief" | "other";
                    site_id?: string | null;
                    campaign_id?: string | null;
                    /** @description Merged into the entry's fields: keys given replace their value, a key set to null is removed. The result is checked against the schema. */
                    fields?: {
                        [key: string]: unknown;
                    };
                    /** @description Labels to filter by (`tag`); duplicates are dropped. */
                    tags?: string[];
                    /** @description Merged into the existing custom fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CmsEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBlogPosts: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "draft" | "review" | "published" | "archived";
                /** @description Posts carrying this tag. */
                tag?: string;
                /** @description Part of the title (case-insensitive). */
                search?: string;
                /** @description Skip this many posts (the seed's offset pages); `cursor` pages too. */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"][];
                        next_cursor: string | null;
                        /** @description Posts matching the filters, on all pages. */
                        total: number;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBlogPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description Markdown. */
                    content: string;
                    author_name: string;
                    /** @description Lowercase words joined by dashes; unique among the workspace's posts (409 otherwise). Generated from the title when omitted (with `-2`, `-3` ... when taken). */
                    slug?: string;
                    excerpt?: string;
                    /** @description An http(s) URL. */
                    cover_image_url?: string;
                    /** @description An http(s) URL. */
                    author_avatar_url?: string;
                    /** @description The agent that wrote the post. */
                    author_agent_id?: string;
                    tags?: string[];
                    meta_description?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getBlogPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteBlogPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateBlogPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description Only the fields given change; null clears an optional one. A new `title` without a `slug` regenerates the slug. */
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @description Markdown. */
                    content?: string;
                    author_name?: string;
                    /** @description Lowercase words joined by dashes; unique among the workspace's posts (409 otherwise). Generated from the title when omitted (with `-2`, `-3` ... when taken). */
                    slug?: string;
                    excerpt?: string | null;
                    cover_image_url?: string | null;
                    author_avatar_url?: string | null;
                    author_agent_id?: string | null;
                    tags?: string[];
                    meta_description?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    publishBlogPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    unpublishBlogPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `ent_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlogPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAccountingAccounts: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description asset, liability, equity, revenue or expense. */
                type?: "asset" | "liability" | "equity" | "revenue" | "expense";
                /** @description Matches code or name (case-insensitive substring). */
                query?: string;
                include_archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AccountingAccount"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createAccountingAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique in the workspace (409 otherwise), e.g. `4000`. */
                    code: string;
                    name: string;
                    /** @description asset, liability, equity, revenue or expense. */
                    type: "asset" | "liability" | "equity" | "revenue" | "expense";
                    description?: string | null;
                    default_for?: ("receivables" | "revenue" | "cash") | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AccountingAccount"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAccountingAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `acct_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AccountingAccount"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateAccountingAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `acct_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique in the workspace (409 otherwise), e.g. `4000`. */
                    code?: string;
                    name?: string;
                    /** @description asset, liability, equity, revenue or expense. */
                    type?: "asset" | "liability" | "equity" | "revenue" | "expense";
                    description?: string | null;
                    default_for?: ("receivables" | "revenue" | "cash") | null;
                    /** @description Archived accounts take no new lines and are hidden from lists unless `include_archived=true`. */
                    archived?: boolean;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AccountingAccount"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listJournalEntries: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "draft" | "posted";
                /** @description Matches memo or reference (case-insensitive substring). */
                query?: string;
                /** @description Entries with a line on this account. */
                account_id?: string;
                /** @description Entries posted for this invoice or payment. */
                source_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JournalEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createJournalEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default `draft`. A posted entry is final. */
                    status?: "draft" | "posted";
                    /**
                     * Format: date
                     * @description The accounting date, YYYY-MM-DD (default today, UTC).
                     */
                    entry_date?: string;
                    memo?: string | null;
                    reference?: string | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    /** @description At least two; the debits must sum to the credits (422 `unbalanced`). */
                    lines: {
                        /** @description An `acct_` id of this workspace (422 `account_not_found` otherwise). */
                        account_id: string;
                        /** @description Positive integer cents on the debit side; a line has a debit or a credit, never both. */
                        debit_cents?: number;
                        /** @description Positive integer cents on the credit side; a line has a debit or a credit, never both. */
                        credit_cents?: number;
                        description?: string;
                    }[];
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JournalEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getJournalEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `je_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JournalEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteJournalEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `je_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateJournalEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `je_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description `posted` posts the draft; it cannot go back.
                     * @enum {string}
                     */
                    status?: "posted";
                    /** Format: date */
                    entry_date?: string;
                    memo?: string | null;
                    reference?: string | null;
                    /** @description ISO 4217, upper case (default `USD`). */
                    currency?: string;
                    /** @description At least two; the debits must sum to the credits (422 `unbalanced`). */
                    lines?: {
                        /** @description An `acct_` id of this workspace (422 `account_not_found` otherwise). */
                        account_id: string;
                        /** @description Positive integer cents on the debit side; a line has a debit or a credit, never both. */
                        debit_cents?: number;
                        /** @description Positive integer cents on the credit side; a line has a debit or a credit, never both. */
                        credit_cents?: number;
                        description?: string;
                    }[];
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JournalEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    reverseJournalEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `je_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date of the reversing entry (default today).
                     */
                    entry_date?: string;
                    memo?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JournalEntry"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getTrialBalance: {
        parameters: {
            query?: {
                currency?: string;
                as_of?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["TrialBalance"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of name, file name, description or MIME type. */
                query?: string;
                asset_type?: "document" | "image" | "video" | "attachment";
                /** @description `upload_pending` until `complete` confirmed the file; `archived` assets are no longer served. */
                status?: "upload_pending" | "available" | "archived";
                related_resource_type?: "lead" | "contact" | "company" | "deal" | "task" | "cms_entry" | "invoice" | "marketing_campaign" | "marketing_post";
                /** @description Assets linked to this resource. */
                related_resource_id?: string;
                /** @description The recording of this call. */
                call_id?: string;
                custom_field_key?: string;
                custom_field_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Asset"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createAssetUploadIntent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    asset_type: "document" | "image" | "video" | "attachment";
                    /** @description The name downloads are saved as (no slashes). */
                    file_name: string;
                    /** @description e.g. `image/png`; the download is served with it. */
                    mime_type: string;
                    /** @description Defaults to `file_name`. */
                    name?: string;
                    description?: string;
                    /** @enum {string} */
                    related_resource_type?: "lead" | "contact" | "company" | "deal" | "task" | "cms_entry" | "invoice" | "marketing_campaign" | "marketing_post";
                    /** @description The linked resource; it must exist in the workspace (404 otherwise). */
                    related_resource_id?: string;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Asset"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An `asset_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Asset"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    archiveAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An `asset_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Asset"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    completeAssetUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description An `asset_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The size of the file you uploaded; 422 when it is not what the gateway received. */
                    byte_size: number;
                    /** @description Hex SHA-256 of the file you uploaded; 422 when it does not match. */
                    checksum_sha256: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Asset"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listIntegrationEventTypes: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the key or description. */
                query?: string;
                category?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IntegrationEventType"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    registerIntegrationEventType: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your own types start with `external.`: lowercase words separated by dots, e.g. `external.publish.completed`. */
                    key: string;
                    /** @description e.g. `crm`, `cms`, `assets`, `usage`, or your own. */
                    category: string;
                    description?: string;
                    /** @description A JSON Schema (draft 2020-12 subset ajv reads) every emitted `data` must match. */
                    payload_schema?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IntegrationEventType"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    emitIntegrationEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A type you registered (`external.*`). */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event's payload; it must match the type's `payload_schema`. */
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description `evt_` id: the same event is listed by GET /v1/events and delivered to every endpoint subscribed to its key (or `*`). */
                            id: string;
                            type: string;
                            /** Format: date-time */
                            created_at: string;
                            livemode: boolean;
                            data: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAnalyticsEvents: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description The team or person answerable for the event, e.g. `growth`. */
                owner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnalyticsEvent"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    defineAnalyticsEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description snake_case (dots allowed), e.g. `first_contact_created`. */
                    name: string;
                    description?: string;
                    /** @description The team or person answerable for the event, e.g. `growth`. */
                    owner?: string;
                    /** @description The keys its payload may carry. A key defined with POST /v1/analytics/properties is checked against its type and `required`; one not defined (yet) may carry any value. */
                    properties?: string[];
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnalyticsEvent"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAnalyticsProperties: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the key or description. */
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnalyticsProperty"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    defineAnalyticsProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description snake_case, e.g. `workspace_id`. */
                    key: string;
                    /**
                     * @description `timestamp`: an ISO 8601 date-time string.
                     * @enum {string}
                     */
                    type: "string" | "number" | "integer" | "boolean" | "timestamp" | "object" | "array";
                    description?: string;
                    /**
                     * @description Every event listing this property must carry it.
                     * @default false
                     */
                    required?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AnalyticsProperty"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    validateAnalyticsEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description snake_case (dots allowed), e.g. `first_contact_created`. */
                    name: string;
                    /** @description The payload to check. */
                    properties: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            valid: boolean;
                            errors: {
                                /** @description e.g. `properties.workspace_id`. */
                                field: string;
                                /** @enum {string} */
                                error: "required" | "invalid_type" | "unknown_property";
                                message: string;
                                /** @description The defined type (invalid_type). */
                                expected?: string;
                                /** @description The JSON type that was sent (invalid_type). */
                                received?: string;
                            }[];
                            /** @description As in seed 003: the request id, also inside `data`. */
                            request_id: string;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiDatasets: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run. */
                status?: "draft" | "active" | "archived";
                kind?: "mock" | "table" | "view" | "semantic";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDataset"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiDataset: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    name: string;
                    description?: string;
                    /**
                     * @description Datasets you create are views: a saved filter and field subset over one source.
                     * @enum {string}
                     */
                    kind?: "view";
                    /**
                     * @description The gateway table it reads.
                     * @enum {string}
                     */
                    source: "calls" | "call_turns" | "sms" | "ledger" | "numbers" | "contacts" | "tickets" | "deals";
                    filters?: {
                        /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                        field: string;
                        /** @enum {string} */
                        op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                        value?: string | number | boolean | (string | number)[];
                    }[];
                    fields?: string[];
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDataset"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiMetrics: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run. */
                status?: "draft" | "active" | "archived";
                dataset_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiMetric"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiMetric: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description Its column in results (default `<agg>_<field>`, or `count`). */
                    key?: string;
                    /** @description A dataset key or `ds_` id. */
                    dataset: string;
                    measure: {
                        /**
                         * @description `count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.
                         * @enum {string}
                         */
                        agg: "count" | "count_distinct" | "sum" | "avg" | "min" | "max" | "p50" | "p95";
                        /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                        field?: string;
                        as?: string;
                    };
                    filters?: {
                        /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                        field: string;
                        /** @enum {string} */
                        op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                        value?: string | number | boolean | (string | number)[];
                    }[];
                    dimensions?: string[];
                    time?: {
                        field?: string;
                        /** @enum {string} */
                        bucket?: "hour" | "day" | "week" | "month";
                    };
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiMetric"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiReports: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run. */
                status?: "draft" | "active" | "archived";
                dashboard_id?: string;
                dataset_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiReport"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description Metrics side by side, joined on their time bucket and dimensions. */
                    metric_ids?: string[];
                    query?: {
                        /** @description A dataset key (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`, or one of yours) or a `ds_` id. */
                        dataset: string;
                        /** @description Aggregations per group. Without measures the query returns rows of `fields`. */
                        measures?: {
                            /**
                             * @description `count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.
                             * @enum {string}
                             */
                            agg: "count" | "count_distinct" | "sum" | "avg" | "min" | "max" | "p50" | "p95";
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            as?: string;
                        }[];
                        /** @description Fields to group by (besides the time bucket). */
                        dimensions?: string[];
                        /** @description Without measures: the columns of each row (default: every field). */
                        fields?: string[];
                        time?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            /**
                             * @description Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.
                             * @enum {string}
                             */
                            bucket?: "hour" | "day" | "week" | "month";
                            /** Format: date-time */
                            from?: string;
                            /** Format: date-time */
                            to?: string;
                            /** @description The window ending now. Default: the last 30 days; at most 366 days. */
                            last_days?: number;
                        };
                        filters?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                            value?: string | number | boolean | (string | number)[];
                        }[];
                        order_by?: {
                            field: string;
                            /** @enum {string} */
                            direction?: "asc" | "desc";
                        }[];
                        /**
                         * @description Most rows returned (exports: up to 10,000).
                         * @default 100
                         */
                        limit?: number;
                    };
                    /** @description With metric_ids: overrides the metrics' dimensions. */
                    dimensions?: string[];
                    time?: {
                        /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                        field?: string;
                        /**
                         * @description Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.
                         * @enum {string}
                         */
                        bucket?: "hour" | "day" | "week" | "month";
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                        /** @description The window ending now. Default: the last 30 days; at most 366 days. */
                        last_days?: number;
                    };
                    /** @description A `dash_` id this report is shown on. */
                    dashboard_id?: string;
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiReport"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiDashboards: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run. */
                status?: "draft" | "active" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDashboard"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description Yours to keep (positions, sizes); at most 20,000 characters of JSON. */
                    layout?: {
                        [key: string]: unknown;
                    };
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDashboard"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiScheduledArtifacts: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Case-insensitive substring of the name or description. */
                query?: string;
                /** @description `archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run. */
                status?: "draft" | "active" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiScheduledArtifact"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiScheduledArtifact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * @description `report`: runs `report_id`; `export`: runs `export` (a query, metric or report).
                     * @enum {string}
                     */
                    artifact_type: "report" | "export";
                    /** @description A `rpt_` id (artifact_type report). */
                    report_id?: string;
                    export?: {
                        query?: {
                            /** @description A dataset key (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`, or one of yours) or a `ds_` id. */
                            dataset: string;
                            /** @description Aggregations per group. Without measures the query returns rows of `fields`. */
                            measures?: {
                                /**
                                 * @description `count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.
                                 * @enum {string}
                                 */
                                agg: "count" | "count_distinct" | "sum" | "avg" | "min" | "max" | "p50" | "p95";
                                /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                                field?: string;
                                as?: string;
                            }[];
                            /** @description Fields to group by (besides the time bucket). */
                            dimensions?: string[];
                            /** @description Without measures: the columns of each row (default: every field). */
                            fields?: string[];
                            time?: {
                                /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                                field?: string;
                                /**
                                 * @description Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.
                                 * @enum {string}
                                 */
                                bucket?: "hour" | "day" | "week" | "month";
                                /** Format: date-time */
                                from?: string;
                                /** Format: date-time */
                                to?: string;
                                /** @description The window ending now. Default: the last 30 days; at most 366 days. */
                                last_days?: number;
                            };
                            filters?: {
                                /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                                field: string;
                                /** @enum {string} */
                                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                                value?: string | number | boolean | (string | number)[];
                            }[];
                            order_by?: {
                                field: string;
                                /** @enum {string} */
                                direction?: "asc" | "desc";
                            }[];
                            /**
                             * @description Most rows returned (exports: up to 10,000).
                             * @default 100
                             */
                            limit?: number;
                        };
                        /** @description A `met_` id. */
                        metric_id?: string;
                        /** @description A `rpt_` id. */
                        report_id?: string;
                        time?: {
                            /** Format: date-time */
                            from?: string;
                            /** Format: date-time */
                            to?: string;
                            last_days?: number;
                            /** @enum {string} */
                            bucket?: "hour" | "day" | "week" | "month";
                        };
                    };
                    /**
                     * @default csv
                     * @enum {string}
                     */
                    format?: "csv" | "json";
                    /** @description Runs every this many minutes (60 hourly, 1440 daily, 10080 weekly). */
                    every_minutes: number;
                    /**
                     * Format: date-time
                     * @description Default: now plus `every_minutes`.
                     */
                    first_run_at?: string;
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiScheduledArtifact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    runBiQuery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Exactly one of `query`, `metric_id`, `report_id`. */
        requestBody: {
            content: {
                "application/json": {
                    query?: {
                        /** @description A dataset key (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`, or one of yours) or a `ds_` id. */
                        dataset: string;
                        /** @description Aggregations per group. Without measures the query returns rows of `fields`. */
                        measures?: {
                            /**
                             * @description `count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.
                             * @enum {string}
                             */
                            agg: "count" | "count_distinct" | "sum" | "avg" | "min" | "max" | "p50" | "p95";
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            as?: string;
                        }[];
                        /** @description Fields to group by (besides the time bucket). */
                        dimensions?: string[];
                        /** @description Without measures: the columns of each row (default: every field). */
                        fields?: string[];
                        time?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            /**
                             * @description Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.
                             * @enum {string}
                             */
                            bucket?: "hour" | "day" | "week" | "month";
                            /** Format: date-time */
                            from?: string;
                            /** Format: date-time */
                            to?: string;
                            /** @description The window ending now. Default: the last 30 days; at most 366 days. */
                            last_days?: number;
                        };
                        filters?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                            value?: string | number | boolean | (string | number)[];
                        }[];
                        order_by?: {
                            field: string;
                            /** @enum {string} */
                            direction?: "asc" | "desc";
                        }[];
                        /**
                         * @description Most rows returned (exports: up to 10,000).
                         * @default 100
                         */
                        limit?: number;
                    };
                    /** @description A `met_` id. */
                    metric_id?: string;
                    /** @description A `rpt_` id. */
                    report_id?: string;
                    time?: {
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                        last_days?: number;
                        /** @enum {string} */
                        bucket?: "hour" | "day" | "week" | "month";
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiQueryResult"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBiExports: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "pending" | "running" | "succeeded" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiExport"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createBiExport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Exactly one of `query`, `metric_id`, `report_id`. */
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    format: "csv" | "json";
                    query?: {
                        /** @description A dataset key (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`, or one of yours) or a `ds_` id. */
                        dataset: string;
                        /** @description Aggregations per group. Without measures the query returns rows of `fields`. */
                        measures?: {
                            /**
                             * @description `count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.
                             * @enum {string}
                             */
                            agg: "count" | "count_distinct" | "sum" | "avg" | "min" | "max" | "p50" | "p95";
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            as?: string;
                        }[];
                        /** @description Fields to group by (besides the time bucket). */
                        dimensions?: string[];
                        /** @description Without measures: the columns of each row (default: every field). */
                        fields?: string[];
                        time?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field?: string;
                            /**
                             * @description Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.
                             * @enum {string}
                             */
                            bucket?: "hour" | "day" | "week" | "month";
                            /** Format: date-time */
                            from?: string;
                            /** Format: date-time */
                            to?: string;
                            /** @description The window ending now. Default: the last 30 days; at most 366 days. */
                            last_days?: number;
                        };
                        filters?: {
                            /** @description A field of the dataset (GET /v1/bi/datasets lists them). */
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "is_null" | "not_null" | "contains";
                            value?: string | number | boolean | (string | number)[];
                        }[];
                        order_by?: {
                            field: string;
                            /** @enum {string} */
                            direction?: "asc" | "desc";
                        }[];
                        /**
                         * @description Most rows returned (exports: up to 10,000).
                         * @default 100
                         */
                        limit?: number;
                    };
                    /** @description A `met_` id. */
                    metric_id?: string;
                    /** @description A `rpt_` id. */
                    report_id?: string;
                    time?: {
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                        last_days?: number;
                        /** @enum {string} */
                        bucket?: "hour" | "day" | "week" | "month";
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiExport"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getBiExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An `exp_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiExport"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getBiObject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                collection: "datasets" | "metrics" | "reports" | "dashboards" | "scheduled-artifacts";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDataset"] | components["schemas"]["BiMetric"] | components["schemas"]["BiReport"] | components["schemas"]["BiDashboard"] | components["schemas"]["BiScheduledArtifact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    archiveBiObject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                collection: "datasets" | "metrics" | "reports" | "dashboards" | "scheduled-artifacts";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDataset"] | components["schemas"]["BiMetric"] | components["schemas"]["BiReport"] | components["schemas"]["BiDashboard"] | components["schemas"]["BiScheduledArtifact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateBiObject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                collection: "datasets" | "metrics" | "reports" | "dashboards" | "scheduled-artifacts";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** @enum {string} */
                    status?: "draft" | "active";
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BiDataset"] | components["schemas"]["BiMetric"] | components["schemas"]["BiReport"] | components["schemas"]["BiDashboard"] | components["schemas"]["BiScheduledArtifact"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Customers with this tag. */
                tag?: string;
                /** @description Customers with a contact that has this email (any of its emails, case-insensitive). */
                email?: string;
                /** @description Case-insensitive substring of company or notes. */
                query?: string;
                /** @description Same as `query`. */
                q?: string;
                /** @description The seed's offset paging: rows to skip (after `cursor`, when both are given). */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        /** @description How many customers this page holds (the seed's `count`). */
                        count: number;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least one; the first is the primary contact. */
                    contacts: {
                        /** Format: email */
                        email?: string;
                        display_name?: string;
                        /** @description The seed's spelling of `display_name`. */
                        displayName?: string;
                        /** @description A CRM contact id (`con_…`) of this workspace. */
                        guid?: string;
                    }[];
                    company?: string;
                    /** @description Any form libphonenumber reads, in the workspace's `default_region`; stored in E.164, added to the primary contact's `phones`, and calls and SMS from it show on the customer. Text that is not a phone number is kept as given (and `phone_e164` is null: nothing is matched on it). */
                    phone?: string;
                    /** @description Trimmed, duplicates dropped; `?tag=` filters on one. */
                    tags?: string[];
                    notes?: string;
                    /** @description Your own JSON values (at most 50 keys, 16 KB in all). */
                    metadata?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCustomerByContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A CRM contact id (`con_…`). */
                guid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `cus_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `cus_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `cus_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    company?: string | null;
                    phone?: string | null;
                    /** @description Trimmed, duplicates dropped; `?tag=` filters on one. */
                    tags?: string[];
                    notes?: string | null;
                    /** @description Merged into the stored metadata; a key set to null is removed. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCustomerTimeline: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description call | sms */
                type?: "call" | "sms";
            };
            header?: never;
            path: {
                /** @description A `cus_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["TimelineEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    addCustomerContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `cus_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description `{ email, display_name? }` (links the CRM contact with that email, or creates one) or `{ guid }` (an existing CRM contact). */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    display_name?: string;
                    /** @description The seed's spelling of `display_name`. */
                    displayName?: string;
                    /** @description A CRM contact id (`con_…`) of this workspace. */
                    guid?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    removeCustomerContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `cus_` id. */
                id: string;
                /** @description A CRM contact id (`con_…`). */
                guid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createInstallToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InstallToken"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    exchangeInstallToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `ist_…` token. */
                    token: string;
                    /** @description What the new key is for, shown by `agentline keys list` (default `CLI`). */
                    label?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InstallTokenExchange"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listMarketingCampaigns: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "draft" | "active" | "sending" | "paused" | "completed" | "archived";
                channel?: string;
                /** @description Matches key or name (case-insensitive substring). */
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaign"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createMarketingCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your stable identifier, unique in the workspace (409 otherwise). */
                    key: string;
                    name: string;
                    /** @description Where it runs: `website`, `email`, `linkedin`, ... or `sms` (sendable with POST …/send). */
                    channel: string;
                    /** @description Default `draft`. SMS campaigns start as drafts and are sent with POST …/send. */
                    status?: "draft" | "active";
                    description?: string | null;
                    starts_at?: string | null;
                    ends_at?: string | null;
                    budget_cents?: number | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                    /** @description The SMS text, filled per contact. Variables: {{name}}, {{first_name}}, {{last_name}}, {{email}}, {{company_name}}, {{title}}, {{custom_fields.KEY}}; a fallback after a bar: {{first_name|there}}. */
                    body_template?: string;
                    /** @description The `num_` id that sends (and receives the replies). */
                    from_number_id?: string;
                    /** @description Who an SMS campaign texts: `contact_ids` or a contact `filter` (one of the two). Each contact is texted at its first phone number. */
                    audience?: {
                        /** @description `con_` ids of this workspace. */
                        contact_ids?: string[];
                        /** @description Contacts as GET /v1/contacts filters them (archived contacts never); `{}` is every contact. */
                        filter?: {
                            /** @description As GET /v1/contacts `query`. */
                            query?: string;
                            company_id?: string;
                            custom_field_key?: string;
                            custom_field_value?: string;
                        };
                    };
                    /** @description Pacing of the background sender (default 60 a minute). */
                    messages_per_minute?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaign"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getMarketingCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `camp_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaign"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateMarketingCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `camp_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    status?: "draft" | "active" | "paused" | "completed" | "archived";
                    description?: string | null;
                    starts_at?: string | null;
                    ends_at?: string | null;
                    budget_cents?: number | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                    /** @description The SMS text, filled per contact. Variables: {{name}}, {{first_name}}, {{last_name}}, {{email}}, {{company_name}}, {{title}}, {{custom_fields.KEY}}; a fallback after a bar: {{first_name|there}}. */
                    body_template?: string;
                    /** @description The `num_` id that sends (and receives the replies). */
                    from_number_id?: string;
                    /** @description Who an SMS campaign texts: `contact_ids` or a contact `filter` (one of the two). Each contact is texted at its first phone number. */
                    audience?: {
                        /** @description `con_` ids of this workspace. */
                        contact_ids?: string[];
                        /** @description Contacts as GET /v1/contacts filters them (archived contacts never); `{}` is every contact. */
                        filter?: {
                            /** @description As GET /v1/contacts `query`. */
                            query?: string;
                            company_id?: string;
                            custom_field_key?: string;
                            custom_field_value?: string;
                        };
                    };
                    /** @description Pacing of the background sender (default 60 a minute). */
                    messages_per_minute?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaign"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    sendMarketingCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `camp_` id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description This operation takes no fields: send no body or `{}`. */
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description Success. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaign"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listMarketingCampaignRecipients: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                status?: "pending" | "skipped" | "sent" | "delivered" | "failed";
            };
            header?: never;
            path: {
                /** @description A `camp_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingCampaignRecipient"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listMarketingPosts: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                campaign_id?: string;
                channel?: string;
                status?: "draft" | "scheduled" | "published" | "archived";
                /** @description Matches title or body (case-insensitive substring). */
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingPost"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        next_cursor: string | null;
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createMarketingPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where it runs: `website`, `email`, `linkedin`, ... or `sms` (sendable with POST …/send). */
                    channel: string;
                    title?: string | null;
                    body: string;
                    campaign_id?: string | null;
                    status?: "draft" | "scheduled" | "published" | "archived";
                    url?: string | null;
                    scheduled_at?: string | null;
                    published_at?: string | null;
                    /** @description Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters. */
                    custom_fields?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getMarketingPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `post_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteMarketingPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `post_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateMarketingPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `post_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where it runs: `website`, `email`, `linkedin`, ... or `sms` (sendable with POST …/send). */
                    channel?: string;
                    title?: string | null;
                    body?: string;
                    campaign_id?: string | null;
                    status?: "draft" | "scheduled" | "published" | "archived";
                    url?: string | null;
                    scheduled_at?: string | null;
                    published_at?: string | null;
                    /** @description Merged into the existing custom_fields; a key set to "" or null is removed. */
                    custom_fields?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MarketingPost"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createSoftphoneTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The test number to call. */
                    to: string;
                    /** @description Caller ID the agent sees; defaults to a fixed test caller. */
                    from?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SoftphoneTicket"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /** @description Page size, 1..100. */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Search name, kind and role_id: `*` any characters, `?` one; without a wildcard, a substring. */
                query?: string;
                /** @description Same as `query`. */
                q?: string;
                /** @description `active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call. */
                status?: "active" | "paused" | "archived";
                /** @description Exact, or a pattern with `*` / `?`. */
                kind?: string;
                /** @description Rows to skip (the seed's offset paging; `cursor` is the other way). */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AgentSummary"][];
                        next_cursor: string | null;
                        /** @description Agents in this page. */
                        count: number;
                        /** @description Agents matching the filters. */
                        total: number;
                        pagination: {
                            limit: number;
                            offset: number;
                            has_more: boolean;
                        };
                        /** @description The filters applied. */
                        filters: {
                            query?: string;
                            status?: string;
                            kind?: string;
                        };
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Type/category, kebab-case, e.g. `receptionist`, `inbox-manager`. Default `assistant`. */
                    kind?: string;
                    /** @description Unique in the workspace, kebab-case. Default: from the name. */
                    role_id?: string;
                    /** @description `active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call. */
                    status?: "active" | "paused" | "archived";
                    avatar_url?: string;
                    config?: {
                        /** @description Told to the agent after its prompt (managed) or with the system message (webhook). */
                        persona?: {
                            tone?: string;
                            traits?: string[];
                            bio?: string;
                            signature?: string;
                        };
                        /** @description Managed agent: the model's instructions. */
                        system_prompt?: string;
                        /** @description Webhook agent: each turn is POSTed here (the number's `webhook_secret` signs it). */
                        webhook_url?: string;
                        /** @description Sent as `Authorization: Bearer …` to the webhook. Never returned. */
                        webhook_token?: string;
                        /** @description Managed agent: the model (default `OPENAI_MODEL`). */
                        model?: string;
                        voice_id?: string;
                        language?: string;
                        media_mode?: "relay" | "stream" | "realtime";
                        first_message?: string;
                        endpointing_ms?: number;
                        barge_in_ms?: number;
                        /** @description `call_control` (end_call, transfer_call, send_digits), `crm` (the CRM tools of managed agents), `knowledge`; each `{ "enabled": bool }`, on unless set false. Other names (the seed's `email`, `calendar`) are stored. */
                        tools?: {
                            [key: string]: {
                                enabled: boolean;
                            };
                        };
                        /** @description The knowledge collection the agent's numbers search. */
                        knowledge?: {
                            collection_id: string;
                        };
                        /** @description `enabled: false` leaves the business identity out of a managed agent's prompt. */
                        context?: {
                            enabled: boolean;
                            namespace?: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agent"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A `agt_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agent"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description A `agt_` id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Type/category, kebab-case, e.g. `receptionist`, `inbox-manager`. Default `assistant`. */
                    kind?: string;
                    /** @description Unique in the workspace, kebab-case. Default: from the name. */
                    role_id?: string;
                    /** @description `active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call. */
                    status?: "active" | "paused" | "archived";
                    avatar_url?: string | null;
                    /** @description Merged into the agent's config, key by key; a key set to null is removed. */
                    config?: {
                        persona?: {
                            tone?: string;
                            traits?: string[];
                            bio?: string;
                            signature?: string;
                        } | null;
                        system_prompt?: string | null;
                        webhook_url?: string | null;
                        webhook_token?: string | null;
                        model?: string | null;
                        voice_id?: string | null;
                        language?: string | null;
                        media_mode?: ("relay" | "stream" | "realtime") | null;
                        first_message?: string | null;
                        endpointing_ms?: number | null;
                        barge_in_ms?: number | null;
                        tools?: {
                            [key: string]: {
                                enabled: boolean;
                            };
                        } | null;
                        knowledge?: {
                            collection_id: string;
                        } | null;
                        context?: {
                            enabled: boolean;
                            namespace?: string;
                        } | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agent"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Identity"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateIdentity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name?: string | null;
                    profile?: {
                        tagline?: string | null;
                        about?: string | null;
                        website?: string | null;
                        services?: {
                            /** @description Generated (`svc_…`) when omitted; give an existing one to change that service. */
                            id?: string;
                            name?: string;
                            description?: string | null;
                            price_cents?: number;
                            /** @description The price in major units (150.00); stored as `price_cents`. */
                            price?: number;
                            /** @description ISO 4217, e.g. `USD`, `EUR`, `GBP`. */
                            currency?: string;
                            billing_interval?: "one-time" | "monthly" | "yearly";
                            active?: boolean;
                            /**
                             * @description With `id`: removes that service.
                             * @enum {boolean}
                             */
                            deleted?: true;
                        }[] | null;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Identity"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    trackUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body within the retention window replays the stored response (with `Idempotent-Replayed: true`) and does nothing else; another body is a 409 `idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description A `token_usage` or an `agent_execution` record. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "token_usage";
                    /** @description Input tokens. */
                    prompt_tokens?: number;
                    /** @description Output tokens. */
                    completion_tokens?: number;
                    /** @description prompt + completion; computed when omitted, checked when given with both. */
                    total_tokens?: number;
                    model: string;
                    provider?: string;
                    usage_type?: string;
                    /** @description The workspace's identity (`idn_…`, GET /v1/identity); optional, checked when given. */
                    identity_id?: string;
                    /** @description An agent of this workspace (`agt_…`). */
                    agent_id?: string;
                    operation?: string;
                    conversation_id?: string;
                    task_id?: string;
                    /** @description Up to 50 keys; any JSON values. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                } | {
                    /** @enum {string} */
                    type: "agent_execution";
                    /** @description The workspace's identity (`idn_…`, GET /v1/identity); optional, checked when given. */
                    identity_id?: string;
                    /** @description The agent that ran (`agt_…`). */
                    agent_id: string;
                    operation?: string;
                    conversation_id?: string;
                    task_id?: string;
                    /** @description Up to 50 keys; any JSON values. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    status: "started" | "completed" | "failed" | "cancelled";
                    message_id?: string;
                    /** @description Up to 50 keys; any JSON values. */
                    result?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["UsageRecord"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getUsageStats: {
        parameters: {
            query?: {
                /** @description A month, `YYYY-MM` (UTC); default the current one. */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["UsageStats"];
                        /** @description Also sent as the X-Request-Id header. */
                        request_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
}
