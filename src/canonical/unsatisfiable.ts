/** No instance satisfies the schema (or this branch of it): said explicitly, never by hanging. */
export class Unsatisfiable extends Error {
  constructor(readonly reason: string) {
    super(`unsatisfiable: ${reason}`);
    this.name = "Unsatisfiable";
  }
}
