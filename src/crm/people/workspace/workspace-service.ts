import type { Executor } from '../../../db/database.js';
import { validationError } from '../../../errors.js';
import { DEFAULT_REGION, isSupportedRegion } from '../../../phones/phone-number.js';
import { accountingEnabled, setAccountingEnabled } from '../../../accounting/accounting-settings.js';

// The workspace's own settings. Today one: the region phone numbers without a country code are
// read in (shared by test and live mode, like the workspace itself).

export interface WorkspaceSettings {
  default_region: string;
  /** Invoices and payments post journal entries (src/accounting/auto-posting.ts). */
  accounting_enabled: boolean;
}

export async function workspaceSettings(db: Executor, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db.selectFrom('workspaces').select('default_region').where('id', '=', workspaceId).executeTakeFirst();
  return { default_region: row?.default_region ?? DEFAULT_REGION, accounting_enabled: await accountingEnabled(db, workspaceId) };
}

/** 422 on a region libphonenumber has no numbering plan for. */
export async function updateWorkspaceSettings(db: Executor, workspaceId: string, input: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  if (input.default_region !== undefined) {
    const region = input.default_region.toUpperCase();
    if (!isSupportedRegion(region)) {
      throw validationError('default_region', 'unknown_region', `default_region ${JSON.stringify(input.default_region)} is not an ISO 3166 alpha-2 region with a numbering plan (e.g. US, GB, DE, IN).`, input.default_region);
    }
    await db.updateTable('workspaces').set({ default_region: region }).where('id', '=', workspaceId).execute();
  }
  if (input.accounting_enabled !== undefined) await setAccountingEnabled(db, workspaceId, input.accounting_enabled, new Date().toISOString());
  return workspaceSettings(db, workspaceId);
}
