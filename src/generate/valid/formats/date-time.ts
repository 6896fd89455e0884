import fc, { type Arbitrary } from "fast-check";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** RFC 3339 full-date, leap days and year edges included. */
export const date: Arbitrary<string> = fc
  .tuple(fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(0, 1, 2000, 2024, 9999)), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => {
    const last = m === 2 && leap(y) ? 29 : DAYS[m - 1]!;
    return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, last))}`;
  });

const offset: Arbitrary<string> = fc.oneof(
  fc.constantFrom("Z", "z", "+00:00"),
  fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);

const fraction: Arbitrary<string> = fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 999999 }).map((n) => "." + String(n)));

const clock: Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fraction)
  .map(([h, m, s, f]) => `${pad(h)}:${pad(m)}:${pad(s)}${f}`);

/** A leap second, valid only at 23:59:60 UTC (the offset moves the local clock). */
const leapSecond: Arbitrary<string> = fc.constantFrom("23:59:60Z", "23:59:60.5z", "23:59:60+00:00", "00:59:60+01:00", "22:59:60-01:00");

/** RFC 3339 full-time: always with an offset (ajv-formats' full mode requires one). */
export const time: Arbitrary<string> = fc.oneof({ arbitrary: fc.tuple(clock, offset).map(([c, o]) => c + o), weight: 12 }, { arbitrary: leapSecond, weight: 1 });

export const dateTime: Arbitrary<string> = fc.tuple(date, fc.constantFrom("T", "t"), time).map(([d, t, c]) => d + t + c);

/** ajv-formats' iso-time: the offset is optional. */
export const isoTime: Arbitrary<string> = fc.oneof(time, clock);

/** ajv-formats' iso-date-time: "T", "t" or a space between date and time, offset optional. */
export const isoDateTime: Arbitrary<string> = fc.tuple(date, fc.constantFrom("T", "t", " "), isoTime).map(([d, t, c]) => d + t + c);

/** ISO 8601 durations as RFC 3339 appendix A allows them. */
export const duration: Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((w) => `P${w}W`),
  fc
    .tuple(
      fc.option(fc.nat(99)), fc.option(fc.nat(99)), fc.option(fc.nat(99)),
      fc.option(fc.nat(99)), fc.option(fc.nat(99)), fc.option(fc.nat(99)),
    )
    .map(([y, mo, d, h, mi, s]) => {
      const datePart = (y !== null ? `${y}Y` : "") + (mo !== null ? `${mo}M` : "") + (d !== null ? `${d}D` : "");
      const timePart = (h !== null ? `${h}H` : "") + (mi !== null ? `${mi}M` : "") + (s !== null ? `${s}S` : "");
      const body = datePart + (timePart ? "T" + timePart : "");
      return "P" + (body === "" ? "0D" : body);
    }),
);
