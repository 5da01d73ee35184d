/** The gate could not run as asked (bad flag, bad config, missing DIR): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A problem in one input under review (unparseable manifest, corrupt report).
 * Checks throw it to have the engine turn it into gate/check-failed with the
 * file and line, instead of a generic "check crashed".
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, file?: string, line?: number) {
    super(message);
    this.file = file;
    this.line = line;
  }
}
