/**
 * vitest globalSetup: builds dist/ once before the suite, so the CLI tests run `node dist/cli.js` the
 * way users do (and test/dist checks the published files). Skipped when dist/cli.js is newer than
 * every source file and the build configuration.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const built = statSync(join(ROOT, "dist/cli.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(newest(join(ROOT, "src")), statSync(join(ROOT, "tsup.config.ts")).mtimeMs, statSync(join(ROOT, "package.json")).mtimeMs);
  if (built > sources) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsup/dist/cli-default.js")], { cwd: ROOT, stdio: "pipe" });
}
