import fc, { type Arbitrary } from "fast-check";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** OpenAPI `byte`: base64 of arbitrary bytes, with the padding ajv-formats expects. */
export const byte: Arbitrary<string> = fc.uint8Array({ maxLength: 24 }).map(toBase64);

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [BASE64[(n >> 18) & 63], BASE64[(n >> 12) & 63], BASE64[(n >> 6) & 63], BASE64[n & 63]];
    const missing = i + 3 - bytes.length;
    out += chars.slice(0, 4 - Math.max(0, missing)).join("") + "=".repeat(Math.max(0, missing));
  }
  return out;
}
