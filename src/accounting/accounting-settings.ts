import type { Executor } from '../db/database.js';

// The workspace's accounting switch (PATCH /v1/workspace `accounting_enabled`). Workspace-wide,
// like `default_region`: test and live mode alike. Off by default.

export async function accountingEnabled(db: Executor, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('accounting_settings').select('enabled').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row?.enabled === 1;
}

export async function setAccountingEnabled(db: Executor, workspaceId: string, enabled: boolean, at: string): Promise<void> {
  await db
    .insertInto('accounting_settings')
    .values({ workspace_id: workspaceId, enabled: enabled ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: at }))
    .execute();
}
