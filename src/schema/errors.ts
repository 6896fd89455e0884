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
    super(`${file}${pointer === "" ? "" : "#" + shortPointer(pointer)}: ${reason}`);
    this.name = "InputError";
  }
}

/** A pointer fit for one line: past 160 characters, its start and end with the number of tokens left out between. */
export function shortPointer(pointer: string): string {
  if (pointer.length <= 160) return pointer;
  const tokens = pointer.split("/").slice(1);
  const head: string[] = [];
  const tail: string[] = [];
  let length = 0;
  for (let i = 0, j = tokens.length - 1; i < j && length < 140; i++, j--) {
    head.push(tokens[i]!);
    tail.unshift(tokens[j]!);
    length += tokens[i]!.length + tokens[j]!.length + 2;
  }
  const omitted = tokens.length - head.length - tail.length;
  return `/${head.join("/")}/…(${omitted} more tokens)…/${tail.join("/")}`;
}

/** Bad usage of the command line: unknown option values, missing arguments. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Input that is read anyway, with a note: printed `conform: warning: FILE#POINTER: message` once, before the run. */
export interface InputWarning {
  file: string;
  pointer: string;
  message: string;
}

/** The one line a warning is printed as (without the `conform: warning: ` prefix). */
export function warningText(w: InputWarning): string {
  return `${w.file}${w.pointer === "" ? "" : "#" + w.pointer}: ${w.message}`;
}

/** Input the tool cannot judge (a draft-03 schema): reported as a skipped target with the reason, never as bad input. */
export class UnsupportedInput extends InputError {
  constructor(file: string, pointer: string, reason: string) {
    super(file, pointer, reason);
    this.name = "UnsupportedInput";
  }
}
