// Artificial latency (EMULATOR_LATENCY_MS, /_control/latency) and the per-call durations the
// benchmark reads back (/_control/calls).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { CALL_TIMINGS_LIMIT, CallTimings } from "../timings";
import { call, cardFields, control, PATHS, start } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ env: { EMULATOR_LATENCY_MS: "120" } });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "/_control/calls", undefined, "DELETE");
});

describe("latency and call timings", () => {
  it("EMULATOR_LATENCY_MS delays every server call, and the call records its own duration", async () => {
    expect((await control(emu, "/_control/latency", undefined, "GET")).json).toEqual({ latencyMs: 120 });
    const started = performance.now();
    const answer = await call(emu, PATHS.card, cardFields(emu, "1Search"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    const { json } = await control(emu, "/_control/calls", undefined, "GET");
    const calls = json.calls as { path: string; operateId: string; responseCd: string; durationMs: number }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: PATHS.card, operateId: "1Search", responseCd: answer.ResponseCd });
    expect(calls[0]!.durationMs).toBeGreaterThanOrEqual(115);
    expect(calls[0]!.durationMs).toBeLessThan(2_000);
  });

  it("/_control/latency changes the delay at run time and refuses nonsense", async () => {
    expect((await control(emu, "/_control/latency", { ms: 0 })).json).toEqual({ latencyMs: 0 });
    await call(emu, PATHS.card, cardFields(emu, "1Search"));
    const calls = (await control(emu, "/_control/calls", undefined, "GET")).json.calls as { durationMs: number }[];
    expect(calls[0]!.durationMs).toBeLessThan(100);
    for (const ms of [-1, 1.5, "abc", 60_001]) expect((await control(emu, "/_control/latency", { ms })).status).toBe(400);
    expect((await control(emu, "/_control/latency", undefined, "GET")).json).toEqual({ latencyMs: 0 });
    await control(emu, "/_control/latency", { ms: 120 });
  });

  it("DELETE /_control/calls empties the list; the list keeps the newest entries only", async () => {
    await call(emu, PATHS.card, cardFields(emu, "1Search"));
    await control(emu, "/_control/calls", undefined, "DELETE");
    expect((await control(emu, "/_control/calls", undefined, "GET")).json.calls).toEqual([]);

    const timings = new CallTimings(0);
    for (let i = 0; i < CALL_TIMINGS_LIMIT + 5; i++) timings.record({ at: i, path: "/x", durationMs: 1 });
    const list = timings.list();
    expect(list).toHaveLength(CALL_TIMINGS_LIMIT);
    expect(list[0]!.at).toBe(5);
  });
});
