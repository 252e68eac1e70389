import type { Scope } from '../../../src/scope.js';
import { createHarness, type Api, type Harness } from '../../helpers/harness.js';

// A harness with one workspace's test key (all scopes) and its scope, for the people tests.

export interface People {
  h: Harness;
  api: Api;
  scope: Scope;
  deps: { db: Harness['opened']['db']; clock: Harness['clock']; config: Harness['config']; log: Harness['app']['log'] };
}

export async function peopleHarness(workspace = 'acme'): Promise<People> {
  const h = await createHarness();
  const { key, workspaceId } = await h.keyWithId({ workspace });
  return {
    h,
    api: h.api(key),
    scope: { workspaceId, mode: 'test' },
    deps: { db: h.opened.db, clock: h.clock, config: h.config, log: h.app.log },
  };
}

export const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);
