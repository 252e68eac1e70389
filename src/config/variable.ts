// One environment variable, declared once: its name, default, allowed values and what it means.
// `loadConfig` reads every variable through its declaration, and the same declarations write
// `.env.example` and the README's configuration table (`npm run gen:config-docs`), so the docs
// cannot drift from what the parser accepts.

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Group = 'listener' | 'storage' | 'carrier' | 'model' | 'security' | 'voice' | 'speech' | 'realtime' | 'prices' | 'limits' | 'sms' | 'cli' | 'cluster';

export interface Variable<T> {
  name: string;
  group: Group;
  description: string;
  /** The default as the docs show it; undefined when unset means "off" or "none". */
  shownDefault?: string;
  /** Allowed values as the docs show them ("100–60000"), when narrower than the type says. */
  allowed?: string;
  read(env: Env): T;
}

interface Meta {
  name: string;
  group: Group;
  description: string;
}

/** The trimmed value, or undefined when unset or blank (an empty `NAME=` in .env is unset). */
export function raw(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export function integer(m: Meta & { default: number; min: number; max: number }): Variable<number> {
  return {
    ...m,
    shownDefault: String(m.default),
    allowed: `${m.min}–${m.max}`,
    read(env) {
      const v = raw(env, m.name);
      if (v === undefined) return m.default;
      if (!/^-?\d+$/.test(v)) throw new ConfigError(m.name, `must be a whole number, got "${v}"`);
      const n = Number(v);
      if (n < m.min || n > m.max) throw new ConfigError(m.name, `must be between ${m.min} and ${m.max}, got ${n}`);
      return n;
    },
  };
}

export function text(m: Meta & { default: string; allowed?: string }): Variable<string> {
  return { ...m, shownDefault: m.default, read: (env) => raw(env, m.name) ?? m.default };
}

export function optionalText(m: Meta & { pattern?: RegExp; patternText?: string }): Variable<string | undefined> {
  return {
    ...m,
    allowed: m.patternText,
    read(env) {
      const v = raw(env, m.name);
      if (v !== undefined && m.pattern && !m.pattern.test(v)) throw new ConfigError(m.name, `must look like ${m.patternText}`);
      return v;
    },
  };
}

export function oneOf<const T extends string>(m: Meta & { values: readonly T[]; default: T }): Variable<T> {
  return {
    ...m,
    shownDefault: m.default,
    allowed: m.values.join(', '),
    read(env) {
      const v = raw(env, m.name);
      if (v === undefined) return m.default;
      if (!(m.values as readonly string[]).includes(v)) throw new ConfigError(m.name, `must be one of ${m.values.join(', ')}, got "${v}"`);
      return v as T;
    },
  };
}

/** A boolean that may be left unset (undefined), for settings whose default depends on others. */
export function optionalFlag(m: Meta & { shownDefault: string }): Variable<boolean | undefined> {
  return {
    ...m,
    allowed: 'true, false',
    read(env) {
      const v = raw(env, m.name);
      if (v === undefined) return undefined;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      throw new ConfigError(m.name, `must be true or false, got "${v}"`);
    },
  };
}

/**
 * An absolute http(s) URL without its trailing slash, or undefined. `protocols` defaults to http and https (a WebSocket endpoint
 * passes ws and wss).
 */
export function optionalUrl(m: Meta & { shownDefault?: string; protocols?: readonly string[] }): Variable<string | undefined> {
  const { protocols = ['http', 'https'], ...meta } = m;
  return {
    ...meta,
    allowed: protocols.length === 2 && protocols[0] === 'http' ? 'http(s) URL' : `${protocols.join(' or ')} URL`,
    read(env) {
      const v = raw(env, m.name);
      if (v === undefined) return undefined;
      let parsed: URL;
      try {
        parsed = new URL(v);
      } catch {
        throw new ConfigError(m.name, `must be an absolute URL, got "${v}"`);
      }
      if (!protocols.includes(parsed.protocol.slice(0, -1))) throw new ConfigError(m.name, `must use ${protocols.map((p) => `${p}:`).join(' or ')}, got "${parsed.protocol}"`);
      return v.replace(/\/+$/, '');
    },
  };
}
