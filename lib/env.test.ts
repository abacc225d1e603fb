import { describe, expect, it } from "vitest";
import { deploymentProblems, isDemoEnvironment, isLoopbackHost, isLoopbackUrl, liveModeNeedsHttps, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("has a working default for every variable", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      DATABASE_URL: "file:./data/shop.db",
      SITE_URL: "http://localhost:3000",
      PORT: 3000,
      ESCOTT_TARGET: "emulator",
      ESCOTT_EMULATOR_URL: "http://localhost:4010",
      ESCOTT_TIMEOUT_MS: 60000,
      EMULATOR_AUTOSTART: true,
      // npm start on a fresh machine reaches the admin without an authenticator app.
      ADMIN_REQUIRE_2FA: false,
    });
    expect(parseEnv({ ADMIN_REQUIRE_2FA: "true" }).ADMIN_REQUIRE_2FA).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ SITE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("stops with a message naming each invalid variable", () => {
    for (const name of ["SITE_URL", "PORT", "ESCOTT_TARGET", "NEXTAUTH_SECRET"]) {
      expect(() => parseEnv({ SITE_URL: "not a url", PORT: "70000", ESCOTT_TARGET: "paypal", NEXTAUTH_SECRET: "short" }), name).toThrow(name);
    }
    try {
      parseEnv({ DATABASE_URL: "mysql://x", EMULATOR_AUTOSTART: "maybe" });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("EMULATOR_AUTOSTART");
      return;
    }
    throw new Error("expected parseEnv to throw");
  });
});

describe("deployment guards", () => {
  const base = parseEnv({});

  it("knows loopback hosts: localhost, *.localhost, 127.0.0.0/8, ::1", () => {
    for (const url of ["http://localhost:3000", "http://LOCALHOST", "http://shop.localhost:3000", "http://127.0.0.1:3000", "http://127.1.2.3", "http://[::1]:3000", "http://[::ffff:127.0.0.1]/"]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    for (const url of ["https://shop.example.jp", "http://0.0.0.0:3000", "http://192.168.1.10:3000", "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://[::2]/", "not a url"]) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
    expect(isLoopbackHost("localhost.")).toBe(true);
  });

  it("a fresh machine (no configuration) starts: localhost, emulator, secrets generated into data/", () => {
    expect(deploymentProblems(base, ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"])).toEqual([]);
    expect(isDemoEnvironment(base)).toBe(true);
  });

  it("refuses the emulator behind a public SITE_URL unless ALLOW_EMULATOR_IN_PRODUCTION=true", () => {
    const publicEmu = parseEnv({ SITE_URL: "https://shop.example.jp" });
    const [problem, ...rest] = deploymentProblems(publicEmu, []);
    expect(rest).toEqual([]);
    expect(problem).toContain("ESCOTT_TARGET=emulator");
    expect(problem).toContain("ALLOW_EMULATOR_IN_PRODUCTION=true");
    expect(problem).toContain("https://shop.example.jp");
    const allowed = parseEnv({ SITE_URL: "https://shop.example.jp", ALLOW_EMULATOR_IN_PRODUCTION: "true" });
    expect(allowed.ALLOW_EMULATOR_IN_PRODUCTION).toBe(true);
    expect(deploymentProblems(allowed, [])).toEqual([]);
    expect(isDemoEnvironment(allowed)).toBe(true);
    expect(deploymentProblems(parseEnv({ SITE_URL: "https://shop.example.jp", ESCOTT_TARGET: "sps" }), [])).toEqual([]);
    expect(isDemoEnvironment(parseEnv({ ESCOTT_TARGET: "sps" }))).toBe(false);
    expect(() => parseEnv({ ALLOW_EMULATOR_IN_PRODUCTION: "sure" })).toThrow("ALLOW_EMULATOR_IN_PRODUCTION");
  });

  it("refuses secrets from data/ behind a public SITE_URL, naming each variable", () => {
    const live = parseEnv({ SITE_URL: "https://shop.example.jp", ESCOTT_TARGET: "sps" });
    const [both] = deploymentProblems(live, ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"]);
    expect(both).toContain("NEXTAUTH_SECRET");
    expect(both).toContain("APP_ENCRYPTION_KEY");
    expect(both).toContain("data/nextauth.secret");
    const [one] = deploymentProblems(live, ["APP_ENCRYPTION_KEY"]);
    expect(one).toContain("APP_ENCRYPTION_KEY");
    expect(one).not.toContain("NEXTAUTH_SECRET");
    expect(deploymentProblems(parseEnv({ SITE_URL: "https://shop.example.jp" }), ["NEXTAUTH_SECRET"])).toHaveLength(2);
  });

  it("live payments need an https:// SITE_URL", () => {
    expect(liveModeNeedsHttps("https://shop.example.jp")).toBe(false);
    expect(liveModeNeedsHttps("http://shop.example.jp")).toBe(true);
    expect(liveModeNeedsHttps("http://localhost:3000")).toBe(true);
  });
});
