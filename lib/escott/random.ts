import { randomInt } from "node:crypto";

/** Integer in [min, max). Uses the injected [0,1) source in tests, node:crypto otherwise. */
export type RandomInt = (min: number, max: number) => number;

export function makeRandomInt(random?: () => number): RandomInt {
  if (!random) return (min, max) => randomInt(min, max);
  return (min, max) => {
    const r = random();
    const clamped = r >= 0 && r < 1 ? r : 0;
    return min + Math.floor(clamped * (max - min));
  };
}

/** MerchantFree1 "transaction code": 000000000001–999999999999 (docs/escott-protocol.md §2.2). */
export function newTransactionCode(randomIntFn: RandomInt): string {
  return String(randomIntFn(1, 1_000_000_000_000)).padStart(12, "0");
}

/** ProcNo: 7 digits; 0000000 is what link mode sends, so it is never produced here. */
export function newProcNo(randomIntFn: RandomInt): string {
  return String(randomIntFn(1, 10_000_000)).padStart(7, "0");
}

export const TRANSACTION_CODE_PATTERN = /^(?!0{12})\d{12}$/;
