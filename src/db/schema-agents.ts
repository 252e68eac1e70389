import type { Mode } from './schema.js';

// Tables of reusable agents, the business identity and usage (migration 017). JSON columns hold text.

export type AgentStatus = 'active' | 'paused' | 'archived';

export interface AgentProfilesTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  name: string;
  kind: string;
  role_id: string;
  status: AgentStatus;
  avatar_url: string | null;
  config: string;
  created_at: string;
  updated_at: string;
}

export interface IdentityProfilesTable {
  workspace_id: string;
  mode: Mode;
  id: string;
  display_name: string | null;
  profile: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsageRecordsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  type: 'token_usage' | 'agent_execution';
  source: 'api' | 'managed';
  agent_id: string | null;
  related_type: string | null;
  related_id: string | null;
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
  result: string | null;
  metadata: string;
  created_at: string;
}

export interface PlanLimitsTable {
  workspace_id: string;
  plan: string;
  tokens: number | null;
  executions: number | null;
  minutes: number | null;
  sms_segments: number | null;
  numbers: number | null;
  enforcement: 'warn' | 'block';
  updated_at: string;
}

export interface UsageAlertsTable {
  workspace_id: string;
  mode: Mode;
  period: string;
  metric: string;
  created_at: string;
}

declare module './schema.js' {
  interface Database {
    agent_profiles: AgentProfilesTable;
    identity_profiles: IdentityProfilesTable;
    usage_records: UsageRecordsTable;
    plan_limits: PlanLimitsTable;
    usage_alerts: UsageAlertsTable;
  }
}
