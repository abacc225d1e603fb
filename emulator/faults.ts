// Fault injection for the four server endpoints: the next N matching calls misbehave the way a broken network
// or gateway would, so the shop can test its timeout / "NG" handling (§1.3: no ResponseCd → the client treats it as NG).

export const FAULT_MODES = ["timeout", "reset", "garbage", "http500"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultRule {
  id: number;
  mode: FaultMode;
  /** Calls still to be affected. */
  remaining: number;
  /** Only calls with this OperateId (any when undefined). */
  operateId?: string;
  /**
   * false (default): the request is dropped before it is processed (nothing happens at the "gateway").
   * true: the request is processed normally and only the response is lost/garbled, as when the gateway
   * authorized the card but the answer never reached the shop.
   */
  afterProcessing: boolean;
}

export interface FaultSpec {
  mode: string;
  count?: number;
  operateId?: string;
  afterProcessing?: boolean;
}

const ALIASES: Record<string, FaultMode> = {
  timeout: "timeout",
  hang: "timeout",
  reset: "reset",
  destroy: "reset",
  garbage: "garbage",
  http500: "http500",
  "500": "http500",
};

export class FaultInjector {
  private rules: FaultRule[] = [];
  private seq = 0;

  add(spec: FaultSpec): FaultRule {
    const mode = ALIASES[spec.mode];
    if (!mode) throw new Error(`unknown fault mode "${spec.mode}" (expected one of ${FAULT_MODES.join(", ")})`);
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error("count must be a positive integer");
    this.seq += 1;
    const rule: FaultRule = {
      id: this.seq,
      mode,
      remaining: count,
      operateId: spec.operateId || undefined,
      afterProcessing: spec.afterProcessing === true,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Consume one use of the first rule matching this call, if any. */
  take(operateId: string | undefined): FaultRule | undefined {
    const rule = this.rules.find((r) => r.operateId === undefined || r.operateId === operateId);
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}
