/**
 * `npm run size`: the bundle a user pays for, measured the way a server or edge function bundles the
 * library (esbuild, ESM, minified, gzip -9). Fails when a bundle is over its limit (issue: the
 * toMlflowSpan + toMlflowAttributes path under 40 KB, the whole API under 60 KB).
 */
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CASES = [
  { name: "toMlflowSpan + toMlflowAttributes", code: `export { toMlflowSpan, toMlflowAttributes } from "./src/index.ts";`, limitKb: 40 },
  { name: "the whole API (mlflow-semconv)", code: `export * from "./src/index.ts";`, limitKb: 60 },
  { name: "mlflow-semconv/schemas (zod)", code: `export * from "./src/schemas/index.ts";`, limitKb: undefined },
] as const;

let failed = false;
console.log("| bundle | minified KB | gzip KB | limit (gzip) |\n|---|---:|---:|---:|");
for (const c of CASES) {
  const result = await build({
    stdin: { contents: c.code, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "error",
  });
  const bytes = result.outputFiles[0]!.contents;
  const gz = gzipSync(bytes, { level: 9 }).length;
  const over = c.limitKb !== undefined && gz > c.limitKb * 1024;
  failed ||= over;
  console.log(`| ${c.name} | ${(bytes.length / 1024).toFixed(1)} | ${(gz / 1024).toFixed(1)} | ${c.limitKb === undefined ? "–" : `${c.limitKb}${over ? " **over**" : ""}`} |`);
}
if (failed) process.exitCode = 1;
