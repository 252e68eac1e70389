// The seed's search patterns: `*` any characters, `?` exactly one. They become SQL LIKE patterns
// (`%`, `_`), with LIKE's own metacharacters escaped so a literal `%` or `_` matches itself.

export const hasWildcard = (pattern: string) => /[*?]/.test(pattern);

/** A LIKE pattern (escape character `\`), lower-cased: callers compare against lower(column). */
export function likePattern(pattern: string): string {
  let out = '';
  for (const ch of pattern.toLowerCase()) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** `query`: a pattern as given; without any wildcard, a substring search (`manager` = `*manager*`). */
export const searchPattern = (query: string) => likePattern(hasWildcard(query) ? query : `*${query}*`);
