/**
 * A mistake in how the command was called (unknown command or option, missing argument,
 * unreadable file). Like `ClinicalInputError`, it becomes a message on stderr and exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The usage line to show after the message, when it helps. */
  readonly usage: string | undefined;

  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}
