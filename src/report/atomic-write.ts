import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file so that readers see either the old content or the whole new content,
 * never a half-written file (a CI job killed mid-write, two runs writing one corpus):
 * the content goes to a temporary file in the same folder (rename is only atomic
 * within one file system), then is renamed over the destination. Creates folders. A
 * destination that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
 * written to in place: renaming over it would replace the device with a file (as root,
 * `--report json:/dev/null` did).
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  if (await isSpecialFile(path)) return writeFile(path, content, "utf8");
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: "utf8", flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** True when `path` exists (links followed) and is a device, a pipe or a socket: no file to replace. */
async function isSpecialFile(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

/** True for the temporary files `writeFileAtomic` leaves behind only if the process dies mid-write. */
export function isTemporaryFile(name: string): boolean {
  return name.startsWith(".") && name.endsWith(".tmp");
}
