import { expect } from "chai";
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import { parseReportSpec, renderReport, REPORT_FORMATS, writeReports } from "../../src/report/index.js";
import { writeFileAtomic } from "../../src/report/atomic-write.js";
import { UsageError } from "../../src/schema/errors.js";
import { sampleReport } from "./fixtures.js";

describe("report/index", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "conform-report-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe("parseReportSpec", () => {
    it("splits FORMAT:PATH at the first colon", () => {
      expect(parseReportSpec("json:out/r.json")).to.deep.equal({ format: "json", path: "out/r.json" });
      expect(parseReportSpec("junit:C:\\reports\\junit.xml")).to.deep.equal({ format: "junit", path: "C:\\reports\\junit.xml" });
      for (const format of REPORT_FORMATS) expect(parseReportSpec(`${format}:x`).format).to.equal(format);
    });

    it("refuses an unknown format with a UsageError listing json, junit, md, html", () => {
      for (const spec of ["xml:out.xml", "console:-", "JSON:r.json"]) {
        expect(() => parseReportSpec(spec)).to.throw(UsageError, /unknown format .*json, junit, md, html/);
      }
    });

    it("refuses a spec without a colon or without a path", () => {
      expect(() => parseReportSpec("report.json")).to.throw(UsageError, /FORMAT:PATH/);
      expect(() => parseReportSpec("md:")).to.throw(UsageError, /missing PATH/);
    });
  });

  describe("writeReports", () => {
    it("writes every requested format, creating folders, leaving no temporary file", async () => {
      const specs = REPORT_FORMATS.map((format) => ({ format, path: join(dir, "deep", "er", `report.${format}`) }));
      await writeReports(sampleReport, specs);
      for (const spec of specs) expect(await readFile(spec.path, "utf8")).to.equal(renderReport(sampleReport, spec.format));
      expect((await readdir(join(dir, "deep", "er"))).sort()).to.deep.equal(["report.html", "report.json", "report.junit", "report.md", "report.sarif"]);
    });

    it("replaces an existing report whole", async () => {
      const path = join(dir, "r.json");
      await writeFile(path, "x".repeat(100_000));
      await writeReports(sampleReport, [{ format: "json", path }]);
      expect(JSON.parse(await readFile(path, "utf8")).seed).to.equal(42);
    });

    it("fails, and cleans up, when the destination cannot be written", async () => {
      const path = join(dir, "taken");
      await mkdir(path);
      await writeFile(join(path, "inside"), "");
      let error: unknown;
      try {
        await writeFileAtomic(path, "content");
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(Error);
      expect((await readdir(dir)).sort()).to.deep.equal(["taken"]);
    });

    it("writes into a named pipe in place and leaves it a pipe (renaming over /dev/null made it a file)", async function () {
      const fifo = join(dir, "pipe");
      if (spawnSync("mkfifo", [fifo]).status !== 0) {
        process.stdout.write("      (skipped: no mkfifo here)\n");
        this.skip();
      }
      const received = new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        createReadStream(fifo).on("data", (c) => chunks.push(c as Buffer)).on("end", () => resolve(Buffer.concat(chunks).toString("utf8"))).on("error", reject);
      });
      await writeFileAtomic(fifo, "report text");
      expect(await received).to.equal("report text");
      expect(statSync(fifo).isFIFO()).to.equal(true);
      expect((await readdir(dir)).sort()).to.deep.equal(["pipe"]);
    });
  });
});
