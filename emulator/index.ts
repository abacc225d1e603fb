// Public surface for the shop's launcher and tests. The emulator is a separate program: the shop imports only this.
export { startEmulator, type RunningEmulator } from "./server";
export { resolveConfig, ConfigError, type EmulatorConfig, type EmulatorOptions } from "./config";
export { encryptValue, decryptValue, notificationHash } from "./crypto";
export type { StateSnapshot } from "./state";
