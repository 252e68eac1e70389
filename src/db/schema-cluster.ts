// Table shapes of several gateway nodes on one database (migration 016-cluster, src/cluster/),
// merged into the app's `Database` interface.

export interface ClusterNodesTable {
  id: string;
  started_at: string;
  renewed_at: string;
  lease_expires_at: string;
  draining: number;
}

export interface CallOwnersTable {
  call_id: string;
  node_id: string;
  claimed_at: string;
}

export interface SoftphoneRegistrationsTable {
  workspace_id: string;
  phone_number: string;
  node_id: string;
  registered_at: string;
}

export interface RateCountersTable {
  bucket: string;
  /** Epoch milliseconds of the window's start. */
  window_start: number | string;
  count: number | string;
}

declare module './schema.js' {
  interface Database {
    cluster_nodes: ClusterNodesTable;
    call_owners: CallOwnersTable;
    softphone_registrations: SoftphoneRegistrationsTable;
    rate_counters: RateCountersTable;
  }
}
