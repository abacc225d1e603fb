// Live payments (テストモード off) need an https:// SITE_URL: refused when saving the settings,
// and a gateway in live mode is not offered at checkout (the settings page shows the same reason).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardGateway } from "@/lib/payments/card/gateway";
import { cvsGateway } from "@/lib/payments/cvs/gateway";
import { saveSettings, defaultSettings, loadSettings } from "@/lib/payments/settings/store";
import { updateSettings } from "@/lib/payments/settings/update";
import { liveModeReasons } from "@/lib/security/live-mode";
import { createSecretBox } from "@/lib/security/secret-box";
import { startCardHarness, type CardHarness } from "@/test/support/card-harness";

describe("liveModeReasons", () => {
  it("refuses live mode over http://, allows it over https:// and test mode anywhere", () => {
    expect(liveModeReasons({ testMode: false }, "http://shop.example.jp")).toEqual(["settings.liveNeedsHttps"]);
    expect(liveModeReasons({ testMode: false }, "http://localhost:3000")).toEqual(["settings.liveNeedsHttps"]);
    expect(liveModeReasons({ testMode: false }, "https://shop.example.jp")).toEqual([]);
    expect(liveModeReasons({ testMode: true }, "http://shop.example.jp")).toEqual([]);
  });
});

describe("enforced with the shop's settings (SITE_URL http://shop.test)", () => {
  let h: CardHarness;
  const box = createSecretBox("card-tests-card-tests-card-tests-42"); // the harness's key
  beforeAll(async () => {
    h = await startCardHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const cvsForm = { enabled: "on", title: "コンビニ払い", merchantId: "32000002", merchantPass: "EmuCvsPass02", payLimitDays: "7", saveLog: "on" };

  it("saving an enabled gateway in live mode is refused on the test-mode field with the reason, and nothing changes", async () => {
    const res = await updateSettings(h.db, box, "cvs", cvsForm /* testMode unticked = live */, "emulator");
    expect(res).toEqual({ ok: false, errors: { testMode: "settings.liveNeedsHttps" } });
    expect(await h.db.gatewaySettings.count({ where: { gateway: "cvs" } })).toBe(0);
    // Disabled, it takes no payment; enabling it comes through here again.
    const { enabled: _enabled, ...disabled } = cvsForm;
    void _enabled;
    expect(await updateSettings(h.db, box, "cvs", disabled, "emulator")).toEqual({ ok: true });
    expect(await updateSettings(h.db, box, "cvs", cvsForm, "emulator", "https://shop.example.jp")).toEqual({ ok: true });
    expect((await loadSettings(h.db, box, "cvs", "emulator")).testMode).toBe(false);
    expect(await updateSettings(h.db, box, "cvs", { ...cvsForm, testMode: "on" }, "emulator")).toEqual({ ok: true });
  });

  it("a gateway stored in live mode (SITE_URL changed afterwards) is not offered at checkout, with the reason", async () => {
    const ctx = { locale: "ja" as const, total: 1000, userId: null };
    await h.configure({ testMode: true });
    expect(await cardGateway.availability(ctx)).toEqual({ available: true });
    await h.configure({ testMode: false });
    expect(await cardGateway.availability(ctx)).toEqual({ available: false, reasons: ["settings.liveNeedsHttps"] });

    await saveSettings(h.db, box, "cvs", { ...defaultSettings("cvs", "emulator"), enabled: true, testMode: false });
    expect(await cvsGateway.availability(ctx)).toEqual({ available: false, reasons: ["settings.liveNeedsHttps"] });
    await saveSettings(h.db, box, "cvs", { ...defaultSettings("cvs", "emulator"), enabled: true, testMode: true });
    expect(await cvsGateway.availability(ctx)).toEqual({ available: true });
  });
});
