/** One `hms` sub-command: its name, a one-line summary for the command list, its usage text and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<void>;
}

/** A failure the command explains itself: one line on stderr, then the exit code (2 for a usage mistake). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs node:util parseArgs, turning its errors (unknown option, missing value, stray argument) into a usage error. */
export function parseCommandLine<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new CommandError(`${(error as Error).message}\n\n${usage}`, 2);
    }
    throw error;
  }
}

export function usageError(message: string, usage: string): CommandError {
  return new CommandError(`${message}\n\n${usage}`, 2);
}
