/** Keyword and branch coverage of one target (issue 4 extends what is counted). */
export interface Coverage {
  /** Keywords (by schema path) that valid payloads exercised. */
  exercised: string[];
  /** Keywords (by schema path) that invalid payloads broke. */
  broken: string[];
  /** Keywords that no invalid payload broke, with the reason. */
  neverBroken: Array<{ schemaPath: string; keyword: string; reason: string }>;
  /** anyOf/oneOf branches and enum values hit, by schema path. */
  branches: Array<{ schemaPath: string; hit: number; total: number }>;
  /** Optional properties seen present and absent, by schema path. */
  optionalProperties: Array<{ schemaPath: string; present: boolean; absent: boolean }>;
  /** Share of keywords exercised or broken, 0..1. */
  ratio: number;
}
