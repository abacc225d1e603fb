import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordRun } from "./results";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "bench-results-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("RESULTS.md history", () => {
  it("creates the file, then adds runs newest first and keeps the hand-written findings", () => {
    const file = path.join(dir, "RESULTS.md");
    recordRun(file, "### run 1\n\nfirst\n");
    expect(readFileSync(file, "utf8")).toMatch(/## Findings and next steps[\s\S]*## History\n\n### run 1/);
    writeFileSync(file, readFileSync(file, "utf8").replace("(Hand-written; `npm run bench` keeps this part as it is.)", "Our findings."));
    recordRun(file, "### run 2\n\nsecond\n");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("Our findings.");
    expect(text.indexOf("### run 2")).toBeLessThan(text.indexOf("### run 1"));
    expect(text.match(/## History/g)).toHaveLength(1);
  });
});
