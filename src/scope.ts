import type { Mode } from './db/schema.js';

/** The tenant boundary: every repository query filters by both fields. */
export interface Scope {
  workspaceId: string;
  mode: Mode;
}

/** The scope a stored row belongs to. */
export const scopeOf = (row: { workspace_id: string; mode: Mode }): Scope => ({ workspaceId: row.workspace_id, mode: row.mode });

export type { Mode };
