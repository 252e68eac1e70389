// URL slugs for blog posts: "Getting Started with AI Agents!" → "getting-started-with-ai-agents".
// Accents are folded (é → e), anything else that is not a letter or digit becomes one dash.

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const MAX_BASE = 80;

export function slugify(title: string): string {
  const folded = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_BASE).replace(/-+$/g, '');
  return slug || 'post';
}

/** `base`, else `base-2`, `base-3` ...: the first one not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
