// What the lib/escott unit tests sign, encrypt and date with: the demo contract (the credentials the
// emulator accepts, lib/escott/demo-contract.ts) and a clock fixed where Tokyo and UTC disagree on the date.
import { createEscottClient, type EscottClient } from "@/lib/escott/client";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";

export const card = DEMO_CONTRACT.card;
export const cvs = DEMO_CONTRACT.cvs;
/** The card contract's EncryptValue key and IV, as lib/escott/crypto takes them. */
export const aes = { key: card.aesKey, iv: card.aesIv };
/** 2025-04-01 00:00:30 in Tokyo, still March 31 in UTC. */
export const NOW = new Date("2025-03-31T15:00:30Z");
/** A saved-card member (会員ID and password) as e-SCOTT issues them. */
export const MEMBER = { kaiinId: "wc42i0038215", kaiinPass: "003141592653" };
/** A token as the token script hands it to the shop. */
export const TOKEN = "f19d2d51d953519f946017f591a7c15a";

/** A card client that only builds and reads 3-D Secure forms (no request leaves it): test mode, the fixed clock, a fixed random. */
export function formClient(): EscottClient {
  return createEscottClient({ mode: "test", baseUrlOverride: "http://localhost:4010", card, now: () => NOW, random: () => 0.5 });
}
