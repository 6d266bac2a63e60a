/** An expected failure of a command: its message is for the operator, its code for scripts. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
