/** No instance satisfies the schema (or this branch of it): said explicitly, never by hanging. */
export class Unsatisfiable extends Error {
  constructor(readonly reason: string) {
    super(`unsatisfiable: ${reason}`);
    this.name = "Unsatisfiable";
  }
}

/**
 * No instance was found where a negation or an inexact construction needed a check: every
 * candidate of a fixed-seed probe failed it. Not a proof; a branch in this state is set aside
 * like an unsatisfiable one, and a target in this state produces nothing.
 */
export class NothingFound extends Unsatisfiable {
  constructor(reason: string) {
    super(reason);
    this.message = `no value found: ${reason}`;
    this.name = "NothingFound";
  }
}
