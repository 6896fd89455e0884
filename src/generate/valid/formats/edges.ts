/**
 * Valid strings at the edges of each format, where strict or hand-written parsers reject
 * what the RFCs allow: compressed and IPv4-embedded IPv6, the nil UUID, upper case, URNs and
 * IP-literal hosts, the smallest and largest octets, single-label host names. Each is mixed
 * into its format's generator only where ajv-formats' own check accepts it (index.ts).
 */
export const FORMAT_VALID_EDGES: Readonly<Record<string, readonly string[]>> = {
  date: ["0000-01-01", "9999-12-31", "2024-02-29", "2000-02-29"],
  time: ["23:59:60Z", "00:00:00z", "12:00:00.123456789+14:00", "12:00:00-00:00"],
  "date-time": ["1990-12-31T23:59:60Z", "2020-01-01t00:00:00z", "2020-01-01T00:00:00.000000001+00:00", "0001-01-01T00:00:00-23:59"],
  duration: ["P1W", "PT0S", "P0D", "P1Y2M3DT4H5M6S", "PT36H"],
  email: ["A@EXAMPLE.COM", "a+tag@example.com", "x@a.b", "o'brien@example.com", "a.b.c@example.co"],
  hostname: ["localhost", "a", "xn--bcher-kva.example", "EXAMPLE.COM", "1.2.3", "a-b.c"],
  ipv4: ["0.0.0.0", "255.255.255.255", "127.0.0.1"],
  ipv6: ["::", "::1", "::ffff:192.0.2.1", "FE80::1", "2001:db8::", "1:2:3:4:5:6:7:8", "64:ff9b::192.0.2.33"],
  uri: ["urn:isbn:0451450523", "mailto:a@example.com", "http://[::1]:80/", "HTTP://EXAMPLE.COM", "http://example.com/%7Efoo", "tag:example.com,2000:x", "a:b", "file:///etc/hosts"],
  "uri-reference": ["", "#", "?", "//example.com", "../a", "a:b", "%41"],
  uuid: ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"],
  "json-pointer": ["", "/", "//", "/~0~1", "/a~1b", "/-"],
  "relative-json-pointer": ["0", "0#", "10/a", "1/"],
};
