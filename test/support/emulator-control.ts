// The e-SCOTT emulator's control API (/_control/…), as the tests drive it: the unit tests through
// test/support/card-harness.ts, the e2e specs through e2e/card-support.ts. What it answers is
// described here from the outside, on purpose: the tests do not import the emulator's own types.

/** A card transaction in GET /_control/state. */
export interface EmulatorTransaction {
  processId: string;
  masterOperateId: string;
  status: string;
  operateIds: string[];
  amount: number;
  payType: string;
  merchantFree1: string;
  merchantFree2: string;
  hasKaiinId: boolean;
  kaiinId?: string;
  cardNo?: string;
  threeDS?: Record<string, string>;
}

/** GET /_control/state: card transactions, members and every call the emulator answered. */
export interface EmulatorState {
  transactions: EmulatorTransaction[];
  members: { kaiinId: string; status: string; cardNo?: string; history: unknown[] }[];
  calls: { path: string; operateId?: string; responseCd?: string; merchantFree1?: string; transactionId?: string }[];
}

/** One control call (JSON in, JSON out) to the emulator at `emulatorUrl`; anything but 2xx throws with the emulator's answer. */
export async function controlEmulator<T>(emulatorUrl: string, path: string, body?: unknown, method = "POST"): Promise<T> {
  const res = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
