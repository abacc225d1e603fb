// Fault injection through /_control/faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, cardFields, control, formBody, PATHS, start, token } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ hangMs: 2_000 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/reset");
});

async function raw(fields: Record<string, string>, timeoutMs = 5_000) {
  const res = await fetch(`${emu.url}${PATHS.card}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody(fields),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, text: await res.text() };
}

describe("faults", () => {
  it("timeout: the call hangs until the client gives up, then the next call is normal", async () => {
    await control(emu, "/_control/faults", { mode: "timeout" });
    const started = Date.now();
    await expect(raw(cardFields(emu, "1Search"), 300)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await raw(cardFields(emu, "1Search"))).text).toContain("ResponseCd=K10");
  });

  it("timeout: the emulator closes a hung connection after EMULATOR_HANG_MS", async () => {
    await control(emu, "/_control/faults", { mode: "timeout" });
    const started = Date.now();
    await expect(raw(cardFields(emu, "1Search"), 10_000)).rejects.toThrow();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(8_000);
  });

  it("reset: the connection is destroyed", async () => {
    await control(emu, "/_control/faults", { mode: "reset" });
    await expect(raw(cardFields(emu, "1Search"))).rejects.toThrow(/fetch failed|socket|ECONNRESET/i);
  });

  it("garbage: 200 with a body that has no ResponseCd", async () => {
    await control(emu, "/_control/faults", { mode: "garbage" });
    const res = await raw(cardFields(emu, "1Search"));
    expect(res.status).toBe(200);
    expect(res.text).toBe("<html>oops</html>");
    expect(res.text).not.toContain("ResponseCd");
  });

  it("http500: status 500 without ResponseCd", async () => {
    await control(emu, "/_control/faults", { mode: "http500" });
    const res = await raw(cardFields(emu, "1Search"));
    expect(res.status).toBe(500);
    expect(res.text).not.toContain("ResponseCd");
  });

  it("count and OperateId filter: only the next N matching calls are affected", async () => {
    const added = await control(emu, "/_control/faults", { mode: "garbage", count: 2, operateId: "1Auth" });
    expect(added.status).toBe(200);
    expect((await raw(cardFields(emu, "1Search"))).text).toContain("ResponseCd=");
    expect((await raw(cardFields(emu, "1Auth"))).text).toBe("<html>oops</html>");
    expect((await raw(cardFields(emu, "1Auth"))).text).toBe("<html>oops</html>");
    expect((await raw(cardFields(emu, "1Auth"))).text).toContain("ResponseCd=");
    expect((await control(emu, "/_control/faults", undefined, "GET")).json.faults).toEqual([]);
  });

  it("afterProcessing: the gateway authorizes but the answer is lost (the transaction exists)", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    await control(emu, "/_control/faults", { mode: "http500", operateId: "1Auth", afterProcessing: true });
    const fields = cardFields(emu, "1Auth", { Token: t, Amount: "700", PayType: "01" });
    const res = await raw(fields);
    expect(res.status).toBe(500);
    const tx = emu.snapshot().transactions.find((x) => x.merchantFree1 === fields.MerchantFree1);
    expect(tx?.status).toBe("AUTH");
    // The shop's retry with the same token now meets a used token.
    expect((await call(emu, PATHS.card, { ...fields, Amount: "701" })).ResponseCd).toBe("KI2");
  });

  it("a dropped request (default) processes nothing", async () => {
    const t = await token(emu, { cardNo: "4111111111111111" });
    await control(emu, "/_control/faults", { mode: "garbage" });
    const fields = cardFields(emu, "1Auth", { Token: t, Amount: "700", PayType: "01" });
    await raw(fields);
    expect(emu.snapshot().transactions).toHaveLength(0);
    expect((await call(emu, PATHS.card, fields)).ResponseCd).toBe("OK");
  });

  it("rejects unknown modes and can be cleared", async () => {
    expect((await control(emu, "/_control/faults", { mode: "explode" })).status).toBe(400);
    await control(emu, "/_control/faults", { mode: "reset", count: 5 });
    await control(emu, "/_control/faults", undefined, "DELETE");
    expect((await raw(cardFields(emu, "1Search"))).text).toContain("ResponseCd=");
  });
});
