// A "use server" module may export only async functions (Next.js refuses anything else at run
// time, and only in the built app: the action then fails with a generic error page). Types are
// erased, so they are fine. Checks every such module under app/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(entry) && !entry.includes(".test.") ? [full] : [];
  });
}

const serverModules = files(path.join(process.cwd(), "app")).filter((f) => /^\s*["']use server["'];?/.test(readFileSync(f, "utf8")));

describe('"use server" modules', () => {
  it("exist", () => {
    expect(serverModules.length).toBeGreaterThan(3);
  });

  it.each(serverModules.map((f) => [path.relative(process.cwd(), f), f]))("%s exports only async functions (and types)", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const values = [...source.matchAll(/^export\s+(?!type\b|interface\b|async\s+function\b)(\w+)/gm)].map((m) => m[0]);
    expect(values).toEqual([]);
  });
});
