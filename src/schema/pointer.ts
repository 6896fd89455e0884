/** RFC 6901 JSON pointers. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => "/" + escapeToken(String(t))).join("");
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** The value at `pointer`, or undefined when a token does not exist. */
export function getAtPointer(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (typeof node === "object" && node !== null && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** A URI fragment holding a pointer ("#/a%20b") decoded to the pointer ("/a b"). */
export function fragmentToPointer(fragment: string): string {
  return decodeURIComponent(fragment.replace(/^#/, ""));
}

/** A pointer encoded as a URI fragment, without the leading "#". */
export function pointerToFragment(pointer: string): string {
  return pointer
    .split("/")
    .map((t) => encodeURIComponent(t).replace(/%7E/gi, "~").replace(/%24/g, "$"))
    .join("/");
}
