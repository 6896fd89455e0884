import { expect } from "chai";
import fc from "fast-check";
import { codeBlock, escapeMarkdown, inlineCode, renderMarkdown } from "../../src/report/md.js";
import { awkwardString, runReport } from "./arbitraries.js";
import { cleanReport, sampleReport } from "./fixtures.js";
import { forEachSeed } from "../helpers/seeds.js";

const MARKUP = new Set(["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#"]);

/** The markup characters of a line that are not backslash-escaped. */
function unescapedMarkup(line: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (MARKUP.has(line[i]!)) found.push(line[i]!);
  }
  return found;
}

describe("report/md", () => {
  it("escapes any string to one line without live markup", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(awkwardString, (s) => {
          const escaped = escapeMarkdown(s);
          expect(escaped).not.to.match(/[\n\r\u0000-\u001f]/);
          expect(unescapedMarkup(escaped)).to.deep.equal([]);
        }),
        { seed, numRuns: 500 },
      ),
    );
  });

  it("fences code with more backticks than the content holds in a row", () => {
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(awkwardString, fc.nat({ max: 8 }), (s, ticks) => {
          const content = `${s}\n${"`".repeat(ticks)}\n${s}`;
          const lines = codeBlock(content, "json").split("\n");
          const fence = /^`+/.exec(lines[0]!)![0];
          expect(lines[0]).to.equal(`${fence}json`);
          expect(lines[lines.length - 1]).to.equal(fence);
          expect(lines.slice(1, -1).some((line) => line.startsWith(fence))).to.equal(false);
        }),
        { seed, numRuns: 300 },
      ),
    );
  });

  it("stays under the size limit, cut at a line with a note, and whole when it fits (property over reports and limits)", () => {
    fc.assert(
      fc.property(runReport, fc.integer({ min: 2_000, max: 40_000 }), (report, limit) => {
        const whole = renderMarkdown(report);
        const cut = renderMarkdown(report, limit);
        expect(Buffer.byteLength(cut, "utf8")).to.be.at.most(limit);
        if (Buffer.byteLength(whole, "utf8") <= limit) expect(cut).to.equal(whole);
        else {
          expect(cut).to.match(/\*\*Truncated\*\* to fit GitHub's 1 MiB job-summary limit/);
          const body = cut.slice(0, cut.indexOf("\n\n> **Truncated**"));
          expect(whole.startsWith(body)).to.equal(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("delimits inline code past any backtick run", () => {
    expect(inlineCode("a`b")).to.equal("``a`b``");
    expect(inlineCode("`x`")).to.equal("`` `x` ``");
    expect(inlineCode("")).to.equal("(empty)");
  });

  it("keeps every table row at its header's column count whatever the report's strings hold", () => {
    const pipes = (row: string): number => unescapedMarkup(row).filter((c) => c === "|").length;
    forEachSeed([1], (seed) =>
      fc.assert(
        fc.property(runReport, (report) => {
          const lines = renderMarkdown(report).split("\n");
          let header: number | null = null;
          for (const line of lines) {
            if (!line.startsWith("| ")) header = null;
            else if (header === null) header = pipes(line);
            else expect(pipes(line), line).to.equal(header);
          }
          const targetHeader = lines.indexOf("| target | status | valid | invalid | coverage | time | findings |");
          if (report.targets.length > 0) expect(lines[targetHeader + 1 + report.targets.length]).to.match(/^\| /);
        }),
        { seed, numRuns: 150 },
      ),
    );
  });

  it("says in a target's status which adapters skipped it, and why", () => {
    const report = { ...sampleReport, targets: [{ ...sampleReport.targets[2]!, skippedBy: [{ adapter: "z-schema", reason: "z-schema does not support draft-07" }] }] };
    expect(renderMarkdown(report)).to.include("| schemas/person.json | unsatisfiable: allOf at /allOf requires both a string and a number; skipped by z-schema: z-schema does not support draft-07 |");
  });

  it("writes the summary, targets, coverage gaps and every finding with its instance", () => {
    const md = renderMarkdown(sampleReport);
    expect(md).to.match(/^# schema-conform fuzz report\n/);
    expect(md).to.include("| 3 | 400 | 5 | 3.3 s |");
    expect(md).to.include("| schemas/person.json | unsatisfiable: allOf at /allOf requires both a string and a number | 0 | 0 | n/a | 12 ms | 2 |");
    expect(md).to.include("- `anyOf` at /properties/capabilities/anyOf never broken: every value satisfies one branch");
    expect(md).to.include('```json\n{\n  "clientInfo": {\n    "name": "",\n    "version": "1"\n  }\n}\n```');
    expect(md.match(/^#### `/gm)).to.have.length(5);
    expect(md).to.include("codex\\_app\\_server\\_protocol.schemas.json\\#/definitions/InitializeParams");
  });

  it("says so when nothing was found", () => {
    const md = renderMarkdown(cleanReport);
    expect(md).to.include("No findings.");
    expect(md).not.to.include("## Findings");
  });
});
