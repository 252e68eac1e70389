import { ConfigError } from '../config.js';
import { KeyInputError } from '../keys/key-service.js';
import { CliError, EXIT } from './exit-codes.js';

// What a newcomer meets, said in one line that names the cause and what to do, instead of a
// stack trace: a port in use, a database path that cannot be written, a bad setting.

export interface ErrorContext {
  port?: number;
  host?: string;
  dbPath?: string;
}

type SystemError = Error & { code?: string; syscall?: string; path?: string; port?: number; address?: string };

const DB_FIX = 'Set AGENTLINE_DB to a file path this user can write (e.g. ./data/agentline.db).';

export function explainError(e: unknown, ctx: ErrorContext = {}): CliError | null {
  if (e instanceof CliError) return e;
  if (e instanceof ConfigError) return new CliError(`configuration error: ${e.message}`, EXIT.config);
  if (e instanceof KeyInputError) return new CliError(e.message, EXIT.usage);
  if (!(e instanceof Error)) return null;
  const err = e as SystemError;
  if (err.syscall === 'listen') {
    const port = err.port ?? ctx.port;
    const host = err.address ?? ctx.host;
    if (err.code === 'EADDRINUSE') return new CliError(`Port ${port} is in use (another Agentline?). Stop it or set PORT=${Number(port) + 1} (or pass --port).`);
    if (err.code === 'EACCES') return new CliError(`Port ${port} needs root on this system. Use a port above 1023 (PORT=3000).`);
    if (err.code === 'EADDRNOTAVAIL') return new CliError(`HOST ${host} is not an address of this machine. Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`);
  }
  if (err.code === 'ENOTFOUND' && err.syscall === 'getaddrinfo' && ctx.host && err.message.includes(ctx.host)) {
    return new CliError(`HOST ${ctx.host} does not resolve. Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`);
  }
  if (ctx.dbPath !== undefined) {
    const where = `Cannot open the database at ${ctx.dbPath}`;
    if (err.syscall === 'mkdir' || err.syscall === 'open') {
      const why = { EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOTDIR: 'a part of the path is a file, not a folder', EEXIST: 'a part of the path is a file, not a folder' }[err.code ?? ''];
      if (why) return new CliError(`${where}: ${why} (${err.path ?? ctx.dbPath}). ${DB_FIX}`);
    }
    if (err.code === 'SQLITE_CANTOPEN') return new CliError(`${where}: it cannot be created or opened. ${DB_FIX}`);
    if (err.code === 'SQLITE_READONLY' || err.code?.startsWith('SQLITE_READONLY_')) return new CliError(`${where}: it is read-only. ${DB_FIX}`);
    if (err.code === 'SQLITE_NOTADB') return new CliError(`${where}: the file is not a SQLite database. ${DB_FIX}`);
    if (err.code === 'SQLITE_FULL') return new CliError(`${where}: the disk is full.`);
    const PG_FIX = 'Check AGENTLINE_DATABASE_URL (postgres://user:password@host:5432/database).';
    if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT') return new CliError(`${where}: the PostgreSQL server does not answer (${err.code}). ${PG_FIX}`);
    if (err.code === '28P01' || err.code === '28000') return new CliError(`${where}: PostgreSQL refused the user or password. ${PG_FIX}`);
    if (err.code === '3D000') return new CliError(`${where}: that PostgreSQL database does not exist (create it with createdb). ${PG_FIX}`);
  }
  return null;
}
