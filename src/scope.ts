import type { Mode } from './db/schema.js';

/** The tenant boundary: every repository query filters by both fields. */
export interface Scope {
  workspaceId: string;
  mode: Mode;
}

export type { Mode };
