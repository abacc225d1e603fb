// The launcher's deployment guards (lib/env.ts deploymentProblems) as `npm start` applies them.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { liveModeWarnings, resolveConfig } from "@/scripts/launch/prepare";
import { createTestDb } from "@/test/support/db";

let dataDir: string;
beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), "launch-")), "data");
});
afterEach(() => {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** resolveConfig as `npm start` calls it, with this test's data/ directory. */
const resolve = (source: Record<string, string>) => resolveConfig(source as NodeJS.ProcessEnv, dataDir);

const KEYS = { NEXTAUTH_SECRET: "n".repeat(40), APP_ENCRYPTION_KEY: "k".repeat(40) };

describe("resolveConfig (npm start / npm run dev)", () => {
  it("starts with no configuration at all: localhost, the emulator, secrets generated into data/", () => {
    const { env, childEnv } = resolve({});
    expect(env).toMatchObject({ SITE_URL: "http://localhost:3000", ESCOTT_TARGET: "emulator" });
    expect(childEnv.APP_ENCRYPTION_KEY).toMatch(/^.{32,}$/);
    expect(readdirSync(dataDir).sort()).toEqual(["encryption.secret", "nextauth.secret"]);
    // The same secrets on the next start.
    expect(resolve({}).childEnv.APP_ENCRYPTION_KEY).toBe(childEnv.APP_ENCRYPTION_KEY);
  });

  it("without SITE_URL, links follow PORT (the setup link of `PORT=4000 npm start` must open)", () => {
    expect(resolve({ PORT: "4000" }).env.SITE_URL).toBe("http://localhost:4000");
    expect(resolve({ PORT: "4000" }).childEnv.NEXTAUTH_URL).toBe("http://localhost:4000");
    expect(resolve({ PORT: "4000", SITE_URL: "http://127.0.0.1:8080" }).env.SITE_URL).toBe("http://127.0.0.1:8080");
  });

  it("refuses a public SITE_URL with the emulator, naming ALLOW_EMULATOR_IN_PRODUCTION, and writes nothing to data/", () => {
    expect(() => resolve({ SITE_URL: "https://shop.example.jp", ...KEYS })).toThrow(/ALLOW_EMULATOR_IN_PRODUCTION/);
    expect(existsSync(dataDir)).toBe(false);
    const demo = resolve({ SITE_URL: "https://shop.example.jp", ALLOW_EMULATOR_IN_PRODUCTION: "true", ...KEYS });
    expect(demo.env.ESCOTT_TARGET).toBe("emulator");
  });

  it("refuses a public SITE_URL whose secrets would come from data/, before generating them", () => {
    const source = { SITE_URL: "https://shop.example.jp", ESCOTT_TARGET: "sps" };
    expect(() => resolve(source)).toThrow(/Refusing to start[\s\S]*NEXTAUTH_SECRET and APP_ENCRYPTION_KEY/);
    expect(existsSync(dataDir)).toBe(false);
    expect(() => resolve({ ...source, NEXTAUTH_SECRET: KEYS.NEXTAUTH_SECRET })).toThrow(/APP_ENCRYPTION_KEY must come from the environment/);
    const { env, childEnv } = resolve({ ...source, ...KEYS });
    expect(env.SITE_URL).toBe("https://shop.example.jp");
    expect(childEnv.APP_ENCRYPTION_KEY).toBe(KEYS.APP_ENCRYPTION_KEY);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("still names an invalid variable first", () => {
    expect(() => resolve({ SITE_URL: "nope" })).toThrow(/SITE_URL/);
  });
});

describe("liveModeWarnings (start-up)", () => {
  it("warns about an enabled gateway in live mode behind an http:// SITE_URL, without opening any secret", async () => {
    const t = await createTestDb();
    try {
      await t.db.gatewaySettings.create({ data: { gateway: "card", values: JSON.stringify({ enabled: true, testMode: false, merchantPass: "v1:sealed" }) } });
      await t.db.gatewaySettings.create({ data: { gateway: "cvs", values: JSON.stringify({ enabled: true, testMode: true }) } });
      const [warning, ...rest] = await liveModeWarnings(t.db, "http://shop.example.jp");
      expect(rest).toEqual([]);
      expect(warning).toMatch(/card gateway is in live mode .* not https/);
      expect(await liveModeWarnings(t.db, "https://shop.example.jp")).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
