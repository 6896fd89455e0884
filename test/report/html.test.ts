import { expect } from "chai";
import fc from "fast-check";
import { escapeHtml, renderHtml } from "../../src/report/html.js";
import { escapeCodePoints, isHtmlSafe } from "../../src/report/sanitize.js";
import { awkwardString, runReport } from "./arbitraries.js";
import { cleanReport, sampleReport } from "./fixtures.js";
import { forEachSeed } from "../helpers/seeds.js";

/** The only markup the renderer writes; anything else in a tag came from escaped-too-little data. */
const TAGS = new Set([
  "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td",
  "code", "pre", "a", "span", "div", "article", "strong",
]);
const TAG = /^<\/?([a-z0-9]+)((?: [a-z-]+="[^"<>]*")*)>$/;
const ATTRIBUTE = / ([a-z-]+)="([^"]*)"/g;

/** Every tag of the document, which must be one the renderer writes, with only its own attributes. */
function checkMarkup(html: string): void {
  const body = html.replace(/^<!DOCTYPE html>\n/, "").replace(/<style>[^<]*<\/style>/, "<style></style>");
  for (const tag of body.match(/<[^>]*>?/g) ?? []) {
    const match = TAG.exec(tag);
    if (match === null || !TAGS.has(match[1]!)) throw new Error(`unexpected markup ${JSON.stringify(tag)}`);
    for (const [, name, value] of match[2]!.matchAll(ATTRIBUTE)) checkAttribute(name!, value!);
  }
  for (const reference of body.match(/&[^;\s]*;?/g) ?? []) {
    if (!/^&(amp|lt|gt|quot|#39);$/.test(reference)) throw new Error(`unexpected reference ${reference}`);
  }
}

/** Attribute values never hold outside text, and links never leave the document. */
function checkAttribute(name: string, value: string): void {
  const allowed: Record<string, RegExp> = {
    lang: /^en$/,
    charset: /^utf-8$/,
    name: /^viewport$/,
    content: /^width=device-width, initial-scale=1$/,
    class: /^[a-z -]+$/,
    href: /^#target-\d+$/,
    id: /^target-\d+$/,
    title: /^\d+%$/,
    style: /^width:\d+%$/,
  };
  if (!(name in allowed) || !allowed[name]!.test(value)) throw new Error(`unexpected attribute ${name}="${value}"`);
}

/** The visible text of the document, references decoded. */
function textOf(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

describe("report/html", () => {
  it("escapes any string into text that contains no markup and reads back the same", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(awkwardString, (s) => {
          const escaped = escapeHtml(s);
          expect(escaped).not.to.match(/[<>"']/);
          expect(textOf(`<p>${escaped}</p>`)).to.equal(escapeCodePoints(s, isHtmlSafe));
        }),
        { seed, numRuns: 500 },
      ),
    );
    expect(escapeHtml(`<a href="x">&'`)).to.equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(escapeHtml("\u0000\u0085\ud800")).to.equal("\\u0000\\u0085\\uD800");
  });

  it("writes only its own markup whatever the report's strings hold", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => checkMarkup(renderHtml(report))),
        { seed, numRuns: 200 },
      ),
    );
  });

  it("is one self-contained file: no script, no external stylesheet, image or link", () => {
    const html = renderHtml(sampleReport);
    expect(html).to.match(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).to.include("<style>");
    expect(html).not.to.match(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    checkMarkup(html);
  });

  it("says under a target's status which adapters skipped it, and why", () => {
    const report = { ...sampleReport, targets: [{ ...sampleReport.targets[0]!, skippedBy: [{ adapter: "z-schema", reason: "z-schema does not support <draft-07>" }] }] };
    expect(renderHtml(report)).to.include('<div class="muted">skipped by z-schema: z-schema does not support &lt;draft-07&gt;</div>');
  });

  it("shows the summary, each finding's instance as pretty JSON, and coverage per target", () => {
    const html = renderHtml(sampleReport);
    const text = textOf(html);
    expect(html).to.match(/<h2>Summary<\/h2>\n<table>/);
    expect(text).to.include('{\n  "clientInfo": {\n    "name": "",\n    "version": "1"\n  }\n}');
    expect(text).to.include("expected invalid, oracle invalid, python-jsonschema valid · seed 42, path \"3:1:0\"");
    expect(text).to.include("no answer within 5000 ms; harness restarted");
    expect(text).to.include("anyOf/properties/capabilities/anyOfevery value satisfies one branch");
    expect(text).to.include("No coverage recorded (unsatisfiable).");
    expect(html).to.include('<span style="width:83%">');
    expect(html.match(/<h3 id="target-\d+">/g)).to.have.length(sampleReport.targets.length);
  });

  it("escapes the oracle's instance, which holds markup, and says when nothing was found", () => {
    expect(renderHtml(sampleReport)).to.include("&quot;model&quot;: &quot;\\u0000&lt;b&gt;]]&gt;&quot;");
    expect(renderHtml(cleanReport)).to.include("No findings.");
    expect(renderHtml(cleanReport)).not.to.include("<h2>Findings</h2>");
  });
});
