/** A mistake on the command line: exit code 2, a message naming the flag, and where to read more. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose help explains the fix, e.g. "secret rotate"; undefined for the top level. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** The user pressed Ctrl-C or cancelled a prompt: exit code 130, nothing else to report. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
  constructor(message = "Cancelled. Nothing more was changed.") {
    super(message);
  }
}
