import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugify } from '../../src/blog/slug.js';

describe('slugify', () => {
  it('folds accents, lowercases and joins words with single dashes', () => {
    expect(slugify('Getting Started with AI Agents')).toBe('getting-started-with-ai-agents');
    expect(slugify('  Hello, Wörld!  ')).toBe('hello-world');
    expect(slugify('Crème brûlée — 2026 edition')).toBe('creme-brulee-2026-edition');
    expect(slugify('¡¿…?!')).toBe('post');
    expect(slugify('日本語')).toBe('post');
  });

  it('keeps slugs to 80 characters without a trailing dash', () => {
    const s = slugify(`${'a'.repeat(79)} b`);
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s.endsWith('-')).toBe(false);
  });
});

describe('firstFreeSlug', () => {
  it('takes the base, else the first free numbered one', () => {
    expect(firstFreeSlug('hello', new Set())).toBe('hello');
    expect(firstFreeSlug('hello', new Set(['hello', 'hello-2', 'hello-4']))).toBe('hello-3');
  });
});
