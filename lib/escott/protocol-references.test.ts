import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Keeps the repository self-contained about the e-SCOTT protocol:
// - every section citation ("§" + number) in code and docs resolves to a numbered heading
//   (or an explicit <a id="…"> anchor) of docs/escott-protocol.md;
// - nothing points at the old protocol notes outside the repository, except the one test that
//   compares its frozen fixture with them when they happen to be present.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOC = "docs/escott-protocol.md";
/** `test` holds shared test helpers (harnesses); scanned when present. */
const SCANNED_DIRS = ["app", "components", "lib", "emulator", "e2e", "scripts", "test"];
const SCANNED_FILES = ["README.md"];
const EXTENSIONS = /\.(ts|tsx|md|mjs)$/;
const SKIPPED_DIRS = new Set(["node_modules", ".next", "generated"]);

/** Built from parts so that this file does not match its own patterns. */
const FORBIDDEN = [["shared", "escott", "PROTOCOL.md"].join("/"), ["..", "shared", ""].join("/")];
/** codes.test.ts compares lib/escott/fixtures/protocol-9.2.md with the external notes and skips when they are absent. */
const ALLOWED_EXTERNAL_REFERENCES = new Set(["lib/escott/codes.test.ts"]);

const CITATION = /§(\d+(?:\.\d+)*)(?:[–-](\d+(?:\.\d+)*))?/g;

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(join(dir, entry.name), out);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

function scannedFiles(): string[] {
  const files = SCANNED_DIRS.filter((dir) => existsSync(join(ROOT, dir))).flatMap((dir) => walk(join(ROOT, dir), []));
  files.push(...SCANNED_FILES.map((file) => join(ROOT, file)));
  return files.map((file) => relative(ROOT, file).split(sep).join("/")).sort();
}

/** Section numbers of the document: "## 6. 3-D Secure" → 6, "#### 12.10 …" → 12.10, plus <a id="12.10"> anchors. */
function documentSections(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?(?:\s|$)/.exec(line);
    if (heading?.[1]) sections.add(heading[1]);
    for (const anchor of line.matchAll(/<a\s+(?:id|name)="(?:§|s|sec-)?(\d+(?:\.\d+)*)"/g)) {
      if (anchor[1]) sections.add(anchor[1]);
    }
  }
  return sections;
}

/** "§6.2–6.6" cites both ends; a bare end ("§1.2–3") is not read as a section. */
function citationsIn(text: string): { line: number; section: string }[] {
  const out: { line: number; section: string }[] = [];
  text.split("\n").forEach((content, index) => {
    for (const match of content.matchAll(CITATION)) {
      if (match[1]) out.push({ line: index + 1, section: match[1] });
      if (match[2]?.includes(".")) out.push({ line: index + 1, section: match[2] });
    }
  });
  return out;
}

describe("protocol references", () => {
  const sections = documentSections(readFileSync(join(ROOT, DOC), "utf8"));
  const files = scannedFiles();

  it("reads the document's numbered sections", () => {
    for (const expected of ["1", "1.1", "6.3", "9.2", "12.10", "12.17", "14.12"]) expect(sections, expected).toContain(expected);
  });

  it("resolves every section citation in code and docs to docs/escott-protocol.md", () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of files) {
      for (const { line, section } of citationsIn(readFileSync(join(ROOT, file), "utf8"))) {
        count++;
        if (!sections.has(section)) broken.push(`${file}:${line}: §${section}`);
      }
    }
    expect(count, "no citations found — is the scan looking in the right place?").toBeGreaterThan(100);
    expect(broken, `citations without a heading in ${DOC}`).toEqual([]);
  });

  it("does not refer to protocol notes outside the repository", () => {
    const offending: string[] = [];
    for (const file of files) {
      if (ALLOWED_EXTERNAL_REFERENCES.has(file)) continue;
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .forEach((content, index) => {
          for (const pattern of FORBIDDEN) if (content.includes(pattern)) offending.push(`${file}:${index + 1}: ${pattern}`);
        });
    }
    expect(offending, `point to ${DOC} instead`).toEqual([]);
  });

  it("detects a broken citation", () => {
    const bogus = citationsIn("// see " + "§" + "99.9 and " + "§" + "6.2–6.6");
    expect(bogus.map((c) => c.section)).toEqual(["99.9", "6.2", "6.6"]);
    expect(bogus.filter((c) => !sections.has(c.section)).map((c) => c.section)).toEqual(["99.9"]);
  });
});
