/**
 * Bad input: an unreadable file, invalid JSON, a document that is not a schema, an
 * unresolvable `$ref`, an unknown adapter. The CLI prints `message` on one line and
 * exits 2; the file and JSON pointer are always named.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}${pointer === "" ? "" : "#" + pointer}: ${reason}`);
    this.name = "InputError";
  }
}

/** Bad usage of the command line: unknown option values, missing arguments. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
