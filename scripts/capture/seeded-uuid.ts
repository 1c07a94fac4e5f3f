/**
 * Some sources stamp their own ids (run ids, operation ids, message ids) with random UUIDs into
 * span attributes. For files that stay the same between runs, `installSeededUuid()` replaces
 * node:crypto's and Web Crypto's randomUUID by a counter-seeded one (the `uuid` package delegates to
 * it as well); `seedUuids(seed)` restarts the sequence, once per scenario. Call install before the
 * source's modules load (dynamic import), because ESM bindings of node:crypto are copied at load.
 */
import nodeCrypto, { createHash } from "node:crypto";
import { syncBuiltinESMExports } from "node:module";

type Uuid = `${string}-${string}-${string}-${string}-${string}`;

let seed = "unseeded";
let counter = 0;

function seededUuid(): Uuid {
  const hex = createHash("sha256").update(`${seed}/uuid/${counter++}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function installSeededUuid(): void {
  nodeCrypto.randomUUID = seededUuid;
  globalThis.crypto.randomUUID = seededUuid;
  syncBuiltinESMExports();
}

export function seedUuids(next: string): void {
  seed = next;
  counter = 0;
}
