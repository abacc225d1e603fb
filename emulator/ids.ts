// Identifiers the emulator issues. Formats follow the public examples (§1.3, §2.3) where there are any.
import { randomAlnum, randomDigits, randomHex } from "./crypto";

/** ProcessId / ProcessPass: 32 alphanumerics. */
export const newProcessId = (): string => randomAlnum(32);
export const newProcessPass = (): string => randomAlnum(32);
/** 承認番号: 7 digits. */
export const newApproveNo = (): string => randomDigits(7);
/** Token: 32 lowercase hex (public fixture format). */
export const newToken = (): string => randomHex(16);
/** 暗号化決済番号 used in the JLPcon URL: 32 alphanumerics (real ones are opaque). */
export const newFreeArea = (): string => randomAlnum(32);
/** 決済番号: 11 digits (format unknown; emulator choice). */
export const newKessaiNumber = (): string => randomDigits(11);
/** 受付番号: 10 digits (format unknown; emulator choice). */
export const newRecvNum = (): string => randomDigits(10);
/** Id of a pending 3DS challenge page. */
export const newSessionId = (): string => randomAlnum(24);
