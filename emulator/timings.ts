// What each server-to-server call cost at the emulator's end (the benchmark takes the gateway's
// share of a checkout from here, not from the shop's own clock) and the artificial per-call
// latency (EMULATOR_LATENCY_MS, changeable at run time through /_control/latency) that stands in
// for the network and processing time of the real e-SCOTT. Emulator-only.

export interface CallTiming {
  /** Emulator clock (ms since epoch) when the request arrived. */
  at: number;
  path: string;
  operateId?: string;
  merchantFree1?: string;
  responseCd?: string;
  /** From the request's arrival to the last byte of the answer written, latency included. */
  durationMs: number;
}

/** Bounded: a long benchmark keeps the newest entries only. */
export const CALL_TIMINGS_LIMIT = 10_000;

export class CallTimings {
  private entries: CallTiming[] = [];
  /** Added before every server call's answer. */
  latencyMs: number;

  constructor(latencyMs: number) {
    this.latencyMs = latencyMs;
  }

  record(entry: CallTiming): void {
    this.entries.push(entry);
    if (this.entries.length > CALL_TIMINGS_LIMIT) this.entries.splice(0, this.entries.length - CALL_TIMINGS_LIMIT);
  }

  list(): CallTiming[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
