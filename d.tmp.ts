import { readFileSync } from "node:fs";
import { decodeOtlpJson } from "./src/index.js";
for (const f of process.argv.slice(2)) {
  console.log("=====", f);
  for (const s of decodeOtlpJson(readFileSync(f, "utf8"))) {
    console.log("--", s.name, JSON.stringify(s.scope), s.kind);
    for (const [k, v] of Object.entries(s.attributes)) console.log("   ", k, "=", JSON.stringify(v).slice(0, 150));
  }
}
