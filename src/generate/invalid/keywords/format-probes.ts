/**
 * Near misses of each format ajv-formats asserts: right shape, one rule broken
 * (a 30th of February, hour 24, a missing offset, an octet over 255, a bad escape...).
 */
export const FORMAT_NEAR_MISSES: Readonly<Record<string, readonly string[]>> = {
  date: ["2021-02-29", "2020-13-01", "2020-1-01", "2020-01-32", "20200101", "2020-01-01T00:00:00Z"],
  time: ["24:00:00Z", "12:60:00Z", "12:00:00", "12:00:00+25:00", "1:00:00Z", "12:00"],
  "date-time": ["2020-01-01T00:00:00", "2021-02-29T00:00:00Z", "2020-01-01T25:00:00Z", "2020-01-01", "2020-01-01T00:00:00+0100x"],
  duration: ["P", "PT", "P1", "1D", "P1H", "PT1D", "P1Y2"],
  uri: ["relative/path", "//host/path", "http://exa mple.com", "http://[::1", ":no-scheme", "\\\\server\\share"],
  "uri-reference": ["http://exa mple.com", "\\\\server", "a b", "http://[::1", "%zz"],
  "uri-template": ["{", "http://example.com/{a", "}", "{a}}", "{{a}"],
  email: ["a@", "@example.com", "a b@example.com", "a@@example.com", "a.example.com", "a@example..com"],
  hostname: ["-a.example", "a..b", "a".repeat(64) + ".example", "a_b.example", "exa mple.com", "a.-b"],
  ipv4: ["256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "a.b.c.d"],
  ipv6: ["1:2:3:4:5:6:7:8:9", "::g", "1::2::3", "12345::", ":1:2:3:4:5:6:7", "1.2.3.4"],
  uuid: ["00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000", "0000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}"],
  "json-pointer": ["a/b", "/~2", "/a~", "#/a", "~"],
  "relative-json-pointer": ["/a", "-1", "01", "1~", "#", "1#/a"],
  regex: ["[", "(", "\\", "a{2", "*", "(?<", "[z-a]"],
};

/** Generic near misses for formats without a list of their own. */
export const GENERIC_NEAR_MISSES: readonly string[] = ["", " ", "x", "\u{1F600}", "\u0000", "not a valid value"];

/**
 * The leniencies real format parsers have, applied to a valid string: whitespace around it
 * (many trim), a final newline (line-based regexes), a trailing character (prefix parsers
 * such as `Date.parse` or `strptime` without an end anchor), the other case, and a space for
 * the date-time separator. Only those the oracle rejects are kept (format.ts).
 */
export function lenientForms(valid: string): string[] {
  return [
    " " + valid, valid + " ", valid + "\n", "\t" + valid, valid + "x", valid + "/", valid.toUpperCase(), valid.toLowerCase(),
    valid.replace(/^(\d{4}-\d\d-\d\d)[Tt]/, "$1 "),
  ];
}
