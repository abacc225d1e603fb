// Demo credentials shared by the local e-SCOTT emulator and the shop's zero-configuration
// defaults, so that `npm start` works with no contract. Never valid at Sony Payment Services.
export const EMULATOR_DEFAULTS = {
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
  /** Where the emulator POSTs 入金結果通知 unless told otherwise. */
  notificationUrl: "http://localhost:3000/api/escott/notification",
} as const;
