/** What an invalid payload breaks, by construction. */
export interface BreakLabel {
  keyword: string;
  /** JSON pointer into the target schema, of the keyword broken. */
  schemaPath: string;
  /** JSON pointer into the instance, of the value that breaks it. */
  instancePath: string;
}
