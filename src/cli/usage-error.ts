/** @module A mistake in how the CLI was called or configured: one line on stderr, exit 2, no stack trace. */
export class UsageError extends Error {}
