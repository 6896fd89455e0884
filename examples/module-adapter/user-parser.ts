/**
 * A hand-written parser for the User payload (user.schema.json), the kind of code a team
 * writes instead of running a schema validator at run time. schema-conform checks that it
 * accepts exactly what the schema accepts.
 */
export interface User {
  id: number;
  name: string;
  role: "admin" | "member" | "guest";
  tags?: string[];
}

const ROLES = new Set(["admin", "member", "guest"]);
const KNOWN_KEYS = new Set(["id", "name", "role", "tags"]);

export class UserParseError extends Error {}

export function parseUser(value: unknown): User {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UserParseError("a user is an object");
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!KNOWN_KEYS.has(key)) throw new UserParseError(`unknown field ${key}`);
  const user: User = { id: parseId(record.id), name: parseName(record.name), role: parseRole(record.role) };
  if ("tags" in record) user.tags = parseTags(record.tags);
  return user;
}

function parseId(id: unknown): number {
  // JSON Schema's "integer" includes 1.0; Number.isInteger agrees.
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1) throw new UserParseError("id is an integer ≥ 1");
  return id;
}

function parseName(name: unknown): string {
  // Lengths in JSON Schema count code points, not UTF-16 units.
  const length = typeof name === "string" ? [...name].length : -1;
  if (length < 1 || length > 64) throw new UserParseError("name is 1 to 64 characters");
  return name as string;
}

function parseRole(role: unknown): User["role"] {
  if (typeof role !== "string" || !ROLES.has(role)) throw new UserParseError("role is admin, member or guest");
  return role as User["role"];
}

function parseTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.length > 8) throw new UserParseError("tags is an array of at most 8 strings");
  if (!tags.every((t): t is string => typeof t === "string")) throw new UserParseError("every tag is a string");
  if (new Set(tags).size !== tags.length) throw new UserParseError("tags are unique");
  return tags;
}
