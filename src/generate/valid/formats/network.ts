import fc, { type Arbitrary } from "fast-check";

const alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
const letters = fc.constantFrom(...alnum.split(""));

/** A DNS label: alphanumerics, inner hyphens, 1 to 63 characters. */
const label: Arbitrary<string> = fc.oneof(
  fc.string({ unit: letters, minLength: 1, maxLength: 12 }),
  fc.tuple(fc.string({ unit: letters, minLength: 1, maxLength: 5 }), fc.string({ unit: letters, minLength: 1, maxLength: 5 })).map(([a, b]) => `${a}-${b}`),
  fc.constant("a".repeat(63)),
);

/** Dotted labels, at most 253 characters in all (long labels are dropped until it fits). */
export const hostname: Arbitrary<string> = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => {
  const kept = [...ls];
  while (kept.join(".").length > 253) kept.pop();
  return kept.join(".");
});

const atext = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-".split(""));

export const email: Arbitrary<string> = fc
  .tuple(fc.array(fc.string({ unit: atext, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 2, maxLength: 3 }))
  .map(([local, host]) => `${local.join(".")}@${host.join(".")}`);

const octet = fc.integer({ min: 0, max: 255 });
export const ipv4: Arbitrary<string> = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));

const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
/** Full eight-group form, or a "::" compressed form. */
export const ipv6: Arbitrary<string> = fc.oneof(
  fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(":")),
  fc.tuple(fc.array(group, { maxLength: 3 }), fc.array(group, { maxLength: 3 })).map(([a, b]) => `${a.join(":")}::${b.join(":")}`),
);
