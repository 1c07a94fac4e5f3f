/**
 * The OTel SDK packages are optional peer dependencies, loaded when first needed, from where the app
 * installed them: `mlflow-semconv/otel` itself loads without any of them (`toReadableSpan` needs
 * none), and one build serves every SDK major. A missing package is misuse and throws with the
 * `npm install` line that fixes it.
 */
import { createRequire } from "node:module";

let requireFn: NodeRequire | undefined;

function load(name: string): unknown {
  requireFn ??= createRequire(import.meta.url);
  return requireFn(name);
}

function isMissing(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e !== null && typeof e === "object" && e.code === "MODULE_NOT_FOUND" && typeof e.message === "string" && e.message.includes(name);
}

/** The first of `names` that is installed (and its name), or a TypeError naming the fix. */
export function loadOptional<T>(names: readonly string[], what: string, install: string): { module: T; name: string } {
  for (const name of names) {
    try {
      return { module: load(name) as T, name };
    } catch (error) {
      if (!isMissing(error, name)) throw error;
    }
  }
  throw new TypeError(`${what} needs ${names.join(" or ")}, which is not installed; run \`npm install ${install}\``);
}
