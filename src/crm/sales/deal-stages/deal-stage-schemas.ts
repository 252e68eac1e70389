import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { IncludeArchivedQuery } from '../sales-shared.js';

const Key = Type.String({ pattern: '^[a-z0-9_]{1,40}$', description: 'Lower-case letters, digits and `_`, up to 40; unique in the workspace. Deals name their stage by key.', 'x-example': 'discovery' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Position = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Stages are ordered by position, then key.' });
const Probability = Type.Integer({ minimum: 0, maximum: 100, description: 'Win probability in percent.' });

export const CreateDealStageBody = Type.Object(
  {
    key: Key,
    name: Type.Optional(Name),
    position: Type.Optional(Position),
    probability: Type.Optional(Nullable(Probability)),
  },
  { additionalProperties: false },
);

export const UpdateDealStageBody = Type.Object(
  {
    name: Type.Optional(Name),
    position: Type.Optional(Position),
    probability: Type.Optional(Nullable(Probability)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DealStageSchema = Type.Object(
  {
    id: Type.String({ description: '`stage_` id.' }),
    key: Type.String(),
    name: Type.String(),
    position: Type.Integer(),
    probability: Nullable(Type.Integer()),
    archived_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'DealStage', title: 'DealStage' },
);

export const ListDealStagesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text search over key and name.' })),
  ...IncludeArchivedQuery,
};
