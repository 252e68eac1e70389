import type { RouteGroup } from './types.js';

// Security-suite table for the tasks routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {},
  async own() {},
};
