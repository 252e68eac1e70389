/** An exit code, or `running` for a command that serves until a signal stops it. */
export type CommandResult = number | 'running';

/** Hands a command's outcome to the CLI, which awaits it and exits with its code. */
export type Done = (r: Promise<CommandResult>) => Promise<void>;
