// The demo e-SCOTT contract: the sandbox credentials the local emulator (emulator/) accepts and the shop's
// zero-configuration defaults use (lib/env.ts, lib/payments/settings/store.ts), so that `npm start` works with no
// contract. Both sides import this leaf module, so the shop never depends on the emulator and the two cannot drift.
// None of these values is valid at Sony Payment Services. Keep this file free of imports.

export interface DemoCardContract {
  merchantId: string;
  merchantPass: string;
  tenantId: string;
  /** k_TokenNinsyoCode of the token script. */
  tokenAuthCode: string;
  /** EncryptValue key and IV: 16 ASCII characters each (AES-128-CBC). */
  aesKey: string;
  aesIv: string;
}

export interface DemoCvsContract {
  merchantId: string;
  merchantPass: string;
}

export interface DemoContract {
  /** Port the emulator listens on by default, and where the shop looks for it (ESCOTT_EMULATOR_URL default). */
  port: number;
  card: DemoCardContract;
  cvs: DemoCvsContract;
  /** Where the emulator POSTs 入金結果通知 unless told otherwise. */
  notificationUrl: string;
}

export const DEMO_CONTRACT = {
  port: 4010,
  card: {
    merchantId: "32000001",
    merchantPass: "EmuCardPass01",
    tenantId: "0001",
    tokenAuthCode: "EMUTOKEN0001",
    aesKey: "k3yForEmulat0r16",
    aesIv: "iv4Emulat0r00016",
  },
  cvs: {
    merchantId: "32000002",
    merchantPass: "EmuCvsPass02",
  },
  notificationUrl: "http://localhost:3000/api/escott/notification",
} as const satisfies DemoContract;
