import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/events/event-writer.js';
import { EVENT_CATALOGUE } from '../../src/integrations/event-catalogue.js';

// The catalogue lists every event the gateway emits: this reads every emitEvent(...) call in
// src/ and fails when one writes a type the catalogue (or the webhook subscription list) lacks.

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Each emitEvent call's type argument (the third), as written. */
function emittedTypes(): { file: string; type: string }[] {
  const found: { file: string; type: string }[] = [];
  // event-writer.ts defines emitEvent; every other file calls it.
  for (const file of sources(SRC).filter((f) => !f.endsWith(join('events', 'event-writer.ts')))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bemitEvent\(\s*[^,()]+,\s*[^,()]+(?:\([^)]*\))?,\s*([^,]+),/g)) {
      found.push({ file: file.slice(SRC.length + 1), type: m[1]!.trim() });
    }
  }
  return found;
}

describe('the event catalogue', () => {
  const calls = emittedTypes();

  it('finds the emit calls (the scan itself works)', () => {
    expect(calls.length).toBeGreaterThan(25);
    expect(calls).toContainEqual({ file: 'calls/call-service.ts', type: "'call.ended'" });
  });

  it('lists every type an emitEvent call in src/ writes', () => {
    const literal = calls.filter((c) => /^'[^']+'$/.test(c.type));
    // The one non-literal type: the external.* emitter (its keys are the workspace's).
    const dynamic = calls.filter((c) => !/^'[^']+'$/.test(c.type)).map((c) => c.file);
    expect([...new Set(dynamic)].sort()).toEqual(['integrations/integration-service.ts']);
    const missing = literal.map((c) => c.type.slice(1, -1)).filter((t) => !(t in EVENT_CATALOGUE));
    expect(missing).toEqual([]);
    const unsubscribable = literal.map((c) => c.type.slice(1, -1)).filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
    expect(unsubscribable).toEqual([]);
  });

  it('has an entry for every subscribable type and nothing else, each with a category, description and object schema', () => {
    expect(Object.keys(EVENT_CATALOGUE).sort()).toEqual([...EVENT_TYPES].sort());
    for (const [key, entry] of Object.entries(EVENT_CATALOGUE)) {
      expect(entry.category, key).toMatch(/^[a-z_]+$/);
      expect(entry.description.length, key).toBeGreaterThan(10);
      expect(entry.payload_schema, key).toMatchObject({ type: 'object', properties: expect.any(Object) });
      expect(JSON.stringify(entry.payload_schema), key).not.toContain('"$id"');
    }
  });
});
