import type { InputError } from "./errors.js";
import type { Target } from "./target.js";

/**
 * Sets apart the targets that hold a bad place found before the run (an invalid regex, a
 * reference cycle): a target is bad when an error is in its file at or below its pointer.
 * A target that only reaches such a place through `$ref` still runs, and meets it there.
 */
export function setAsideBadTargets(targets: Target[], errors: InputError[]): { targets: Target[]; bad: Array<{ target: Target; error: InputError }> } {
  const good: Target[] = [];
  const bad: Array<{ target: Target; error: InputError }> = [];
  for (const target of targets) {
    const error = errors.find((e) => e.file === target.file && isAtOrBelow(e.pointer, target.pointer));
    if (error) bad.push({ target, error });
    else good.push(target);
  }
  return { targets: good, bad };
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + "/");
}
