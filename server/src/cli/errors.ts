/** A failure the CLI reports in one line, without a stack trace. */
export class CliError extends Error {}
