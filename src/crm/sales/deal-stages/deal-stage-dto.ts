import type { DealStagesTable } from '../../../db/schema-crm.js';

export interface DealStageDto {
  id: string;
  key: string;
  name: string;
  position: number;
  probability: number | null;
  archived_at: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

export function dealStageDto(row: DealStagesTable): DealStageDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    position: row.position,
    probability: row.probability,
    archived_at: row.archived_at,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The stages a workspace gets the first time it needs one (lead conversion or a deal without `stage`). */
export const DEFAULT_STAGES: readonly { key: string; name: string; position: number; probability: number }[] = [
  { key: 'lead', name: 'Lead', position: 10, probability: 10 },
  { key: 'qualified', name: 'Qualified', position: 20, probability: 25 },
  { key: 'proposal', name: 'Proposal', position: 30, probability: 50 },
  { key: 'won', name: 'Won', position: 40, probability: 100 },
  { key: 'lost', name: 'Lost', position: 50, probability: 0 },
];

/** `closed_won` -> `Closed won`. */
export const nameFromKey = (key: string) => {
  const words = key.replace(/_+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};
