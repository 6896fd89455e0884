import { InputError } from "../../schema/errors.js";
import type { CarriedError } from "./messages.js";

/** A thrown value as a message can carry it. */
export function carry(e: unknown): CarriedError {
  if (e instanceof InputError) return { input: { file: e.file, pointer: e.pointer, reason: e.reason } };
  return e instanceof Error ? { name: e.name, message: e.message } : { name: "Error", message: String(e) };
}

/** The thrown value again on this side: an InputError as one, anything else an Error with its name and message. */
export function uncarry(c: CarriedError): Error {
  if ("input" in c) return new InputError(c.input.file, c.input.pointer, c.input.reason);
  const e = new Error(c.message);
  e.name = c.name;
  return e;
}
