/** The source files an esbuild bundle of `contents` (TypeScript, resolved from the repo root) keeps bytes of. */
import { build } from "esbuild";
import { ROOT } from "./fixtures.js";

export async function bundledInputs(contents: string, platform: "neutral" | "node" = "neutral"): Promise<string[]> {
  // Not minified (the tree shaking is the same), so it stays fast; npm run size measures the real bundle.
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    format: "esm",
    platform,
    ...(platform === "neutral" ? { mainFields: ["module", "main"] } : {}),
    write: false,
    metafile: true,
    logLevel: "error",
    outfile: "out.js",
  });
  return Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([path]) => path);
}
