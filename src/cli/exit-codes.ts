// Exit codes scripts can rely on (sysexits.h where one fits).
export const EXIT = {
  ok: 0,
  /** The command ran and failed: gateway unreachable, key refused, call refused, port in use. */
  failure: 1,
  /** Wrong arguments: unknown option, missing argument, bad value. */
  usage: 2,
  /** A bad environment variable or .env file (EX_CONFIG). */
  config: 78,
} as const;

/** An error the CLI reports as one line on stderr, with its exit code; never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
