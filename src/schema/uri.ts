import { pathToFileURL } from "node:url";
import path from "node:path";

/** Resolves `ref` against `base`, also for bases the WHATWG URL parser cannot be relative to (urn:, tag:). */
export function resolveUri(base: string, ref: string): string {
  if (ref.startsWith("#")) return stripFragment(base) + ref;
  if (isAbsoluteUri(ref)) return normaliseUri(ref);
  try {
    return normaliseUri(new URL(ref, base).href);
  } catch {
    return ref;
  }
}

/** True for a URI with a scheme (http:, urn:, file:), which needs no base to mean something. */
export function isAbsoluteUri(uri: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri);
}

export function stripFragment(uri: string): string {
  const i = uri.indexOf("#");
  return i < 0 ? uri : uri.slice(0, i);
}

export function fragmentOf(uri: string): string {
  const i = uri.indexOf("#");
  return i < 0 ? "" : uri.slice(i + 1);
}

/** One spelling per URI: an empty fragment is dropped ("x#" is "x"). */
export function normaliseUri(uri: string): string {
  return uri.endsWith("#") ? uri.slice(0, -1) : uri;
}

/** The URI a file without `$id` is known by. */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
