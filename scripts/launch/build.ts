// `npm start` builds only when the sources changed since the last build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "generated", "contract", "fixtures"]);

function walk(root: string, file: string, hash: ReturnType<typeof createHash>): void {
  const full = path.join(root, file);
  if (!existsSync(full)) return;
  const st = statSync(full);
  if (st.isDirectory()) {
    for (const entry of readdirSync(full).sort()) {
      if (!SKIP.has(entry) && !entry.endsWith(".test.ts") && !entry.endsWith(".test.tsx")) walk(root, path.join(file, entry), hash);
    }
    return;
  }
  hash.update(`${file}\0${st.size}\0${st.mtimeMs}\n`);
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(root, input, hash);
  return hash.digest("hex");
}

export function buildIfNeeded(root: string, env: NodeJS.ProcessEnv): void {
  const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
  const marker = path.join(distDir, "source-fingerprint");
  const fingerprint = sourceFingerprint(root);
  const built = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint;
  if (built) return;
  console.log("Building the shop (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(marker, fingerprint);
}
