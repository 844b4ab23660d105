/** A mistake in how the CLI was called or configured: exit 2, nothing checked. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
