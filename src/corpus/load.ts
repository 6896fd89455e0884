import { readdir, readFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { InputError } from "../schema/errors.js";
import { joinPointer } from "../schema/pointer.js";
import type { Dialect } from "../schema/dialect.js";
import type { CorpusCase, LoadedCase, ReplayCase, SchemaRef } from "./case.js";
import { ShapeChecker } from "./check.js";

/**
 * Every case of a corpus folder, sub-folders included, in file-name order (so replays
 * are reproducible). A missing folder is an empty corpus: `saveCase` creates it on the
 * first finding, and a project without findings has none. Hidden files are skipped,
 * which leaves out the temporaries of an interrupted atomic write.
 */
export async function loadCorpus(dir: string): Promise<LoadedCase[]> {
  const files = await corpusFiles(dir);
  const loaded: LoadedCase[] = [];
  for (const file of files) loaded.push({ file, case: new ShapeChecker(file).corpusCase(await readJson(file)) });
  return loaded;
}

async function corpusFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new InputError(dir, "", `cannot read corpus folder: ${(error as Error).message}`);
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await corpusFiles(path)));
    else if (entry.isFile() && entry.name.endsWith(".json")) files.push(path);
  }
  return files;
}

/** The JSON content of a file; unreadable or malformed files are InputErrors naming the file. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(file, "", `cannot read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(file, "", `not valid JSON: ${(error as Error).message}`);
  }
}

/** Loaded corpus cases as replay cases, one per test, schemaRef files resolved from each corpus file's folder. */
export function corpusReplayCases(loaded: readonly LoadedCase[]): ReplayCase[] {
  return loaded.flatMap(({ file, case: c }) => replayCasesOfCorpusCase(file, c));
}

function replayCasesOfCorpusCase(file: string, c: CorpusCase): ReplayCase[] {
  const source = c.schemaRef === undefined ? { schema: c.schema } : { schemaRef: resolveStoredRef(file, c.schemaRef) };
  return c.tests.map((test, index) => ({
    description: `${c.description} / ${test.description}`,
    caseDescription: c.description,
    ...source,
    data: test.data,
    valid: test.valid,
    ...(c.dialect === undefined ? {} : { dialect: c.dialect }),
    origin: { file, groupPointer: "", pointer: joinPointer("/tests", index) },
    found: c.found,
    ...(test.probes ? { probes: test.probes } : {}),
  }));
}

/** A stored schemaRef (relative to the corpus file's folder) as a path usable from the working directory. */
export function resolveStoredRef(corpusFile: string, ref: SchemaRef): SchemaRef {
  return { file: isAbsolute(ref.file) ? ref.file : join(dirname(corpusFile), ref.file), pointer: ref.pointer };
}

/** The corpus of a folder, ready to replay. */
export async function loadCorpusReplayCases(dir: string): Promise<ReplayCase[]> {
  return corpusReplayCases(await loadCorpus(dir));
}

/**
 * An official JSON-Schema-Test-Suite file (an array of groups) as replay cases, one per
 * test. The suite says its dialect by folder (tests/draft7/...), so the caller passes it.
 * Members the suite adds for people (comment, specification) are ignored.
 */
export async function loadSuiteFile(path: string, dialect?: Dialect): Promise<ReplayCase[]> {
  const check = new ShapeChecker(path);
  const groups = check.array(await readJson(path), "");
  return groups.flatMap((value, groupIndex) => {
    const groupPointer = joinPointer("", groupIndex);
    const group = check.object(value, groupPointer);
    const description = check.string(check.required(group, "description", groupPointer), joinPointer(groupPointer, "description"));
    const schema = check.schema(check.required(group, "schema", groupPointer), joinPointer(groupPointer, "schema"));
    const tests = check.tests(check.required(group, "tests", groupPointer), joinPointer(groupPointer, "tests"));
    return tests.map((test, index) => ({
      description: `${description} / ${test.description}`,
      caseDescription: description,
      schema,
      data: test.data,
      valid: test.valid,
      ...(dialect === undefined ? {} : { dialect }),
      origin: { file: path, groupPointer, pointer: joinPointer(groupPointer, "tests", index) },
    }));
  });
}

/**
 * Consecutive replay cases of one group (same file, same group pointer), so that an
 * adapter compiles each schema once and checks its instances in one batch.
 */
export function groupReplayCases(cases: readonly ReplayCase[]): ReplayCase[][] {
  const groups: ReplayCase[][] = [];
  for (const c of cases) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (last !== undefined && head !== undefined && head.origin.file === c.origin.file && head.origin.groupPointer === c.origin.groupPointer) last.push(c);
    else groups.push([c]);
  }
  return groups;
}
