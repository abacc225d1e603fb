// Key rotation for APP_ENCRYPTION_KEY (`npm run keys:rotate`, scripts/keys/rotate.ts): every value
// sealed with the app's secret box is opened with the old key and sealed again with the new one,
// all in one database transaction — either every value moves to the new key or none does.
// Nothing is written unless every sealed value opens with the old key, so a second run with
// mismatched keys (the values already moved, or the wrong old key) changes nothing and says which.
import type { Db } from "@/lib/db";
import { PENDING_KIND } from "@/lib/payments/card/registration-pending";
import { resealSettingsValues } from "@/lib/payments/settings/store";
import type { SecretBox } from "@/lib/security/secret-box";

/**
 * Every column that holds values sealed with the app's secret box. A new sealed column must be
 * added here and in rotateSealedValues (rotate.test.ts fails when a new seal() call site appears).
 */
export const SEALED_COLUMNS = {
  settings: "GatewaySettings.values (merchantPass, aesKey, aesIv)",
  processPass: "Payment.processPass",
  pendingData: "Payment.pendingData (card and choices waiting for a 3-D Secure return)",
  kaiinId: "CardMember.kaiinId",
  kaiinPass: "CardMember.kaiinPass",
  pendingRegistration: "PaymentLog.detail of pending card registrations",
  totpSecret: "TwoFactor.secret (admins' TOTP secrets)",
} as const;

export type SealedColumn = keyof typeof SEALED_COLUMNS;

export type RotationReport = Record<SealedColumn, number> & { total: number };

export type RefusalKind = "same_key" | "already_rotated" | "wrong_key";

export class RotationRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
    this.name = "RotationRefused";
  }
}

/** Whether two boxes use the same key (what one seals, the other opens). */
function sameKey(a: SecretBox, b: SecretBox): boolean {
  try {
    return b.open(a.seal("key-check")) === "key-check";
  } catch {
    return false;
  }
}

function opens(box: SecretBox, sealed: string): boolean {
  try {
    box.open(sealed);
    return true;
  } catch {
    return false;
  }
}

/** Re-seals every sealed value from `from`'s key to `to`'s, in one transaction. Throws RotationRefused, changing nothing, when it cannot. */
export async function rotateSealedValues(db: Db, from: SecretBox, to: SecretBox, options: { timeoutMs?: number } = {}): Promise<RotationReport> {
  if (sameKey(from, to)) throw new RotationRefused("same_key", "The new key is the same as the old one: nothing to do.");
  return db.$transaction(
    async (tx) => {
      const report: RotationReport = { settings: 0, processPass: 0, pendingData: 0, kaiinId: 0, kaiinPass: 0, pendingRegistration: 0, totpSecret: 0, total: 0 };
      const unopened: { column: SealedColumn; sealed: string }[] = [];
      const reseal = (column: SealedColumn) => (sealed: string | null): string | null => {
        if (!sealed) return sealed;
        let plain: string;
        try {
          plain = from.open(sealed);
        } catch {
          unopened.push({ column, sealed });
          return sealed;
        }
        report[column] += 1;
        report.total += 1;
        return to.seal(plain);
      };

      // 1. Everything is read and re-sealed in memory first: nothing is written unless all of it opens.
      const settings = (await tx.gatewaySettings.findMany()).map((row) => ({
        row,
        values: resealSettingsValues(row.gateway, row.values, (v) => reseal("settings")(v) ?? v),
      }));
      const payments = (
        await tx.payment.findMany({
          where: { OR: [{ processPass: { not: null } }, { pendingData: { not: null } }] },
          select: { id: true, processPass: true, pendingData: true, updatedAt: true },
        })
      ).map((row) => ({ row, processPass: reseal("processPass")(row.processPass), pendingData: reseal("pendingData")(row.pendingData) }));
      const members = (await tx.cardMember.findMany({ select: { userId: true, kaiinId: true, kaiinPass: true, updatedAt: true } })).map((row) => ({
        row,
        kaiinId: reseal("kaiinId")(row.kaiinId)!,
        kaiinPass: reseal("kaiinPass")(row.kaiinPass)!,
      }));
      const registrations = (await tx.paymentLog.findMany({ where: { kind: PENDING_KIND }, select: { id: true, detail: true } })).map((row) => ({
        row,
        detail: reseal("pendingRegistration")(row.detail),
      }));
      const secondFactors = (await tx.twoFactor.findMany({ select: { userId: true, secret: true, updatedAt: true } })).map((row) => ({
        row,
        secret: reseal("totpSecret")(row.secret)!,
      }));

      if (unopened.length > 0) throw refusal(unopened, to);

      // 2. The writes. updatedAt is kept: a new key is no change of the record (timers such as
      //    "attempt older than 30 minutes" must not restart).
      for (const { row, values } of settings) {
        if (values !== row.values) await tx.gatewaySettings.update({ where: { gateway: row.gateway }, data: { values, updatedAt: row.updatedAt } });
      }
      for (const { row, processPass, pendingData } of payments) {
        await tx.payment.update({ where: { id: row.id }, data: { processPass, pendingData, updatedAt: row.updatedAt } });
      }
      for (const { row, kaiinId, kaiinPass } of members) {
        await tx.cardMember.update({ where: { userId: row.userId }, data: { kaiinId, kaiinPass, updatedAt: row.updatedAt } });
      }
      for (const { row, detail } of registrations) {
        if (detail !== row.detail) await tx.paymentLog.update({ where: { id: row.id }, data: { detail } });
      }
      for (const { row, secret } of secondFactors) {
        await tx.twoFactor.update({ where: { userId: row.userId }, data: { secret, updatedAt: row.updatedAt } });
      }
      return report;
    },
    { maxWait: 10_000, timeout: options.timeoutMs ?? 10 * 60_000 },
  );
}

function refusal(unopened: { column: SealedColumn; sealed: string }[], to: SecretBox): RotationRefused {
  const columns = [...new Set(unopened.map((u) => SEALED_COLUMNS[u.column]))].join(", ");
  if (unopened.every((u) => opens(to, u.sealed))) {
    return new RotationRefused(
      "already_rotated",
      `${unopened.length} sealed value(s) already open with the new key (${columns}): the rotation seems to have run already. ` +
        "Nothing was changed. Use the new key as APP_ENCRYPTION_KEY.",
    );
  }
  return new RotationRefused(
    "wrong_key",
    `${unopened.length} sealed value(s) do not open with the old key APP_ENCRYPTION_KEY (${columns}). ` +
      "Nothing was changed. Set APP_ENCRYPTION_KEY to the key the shop runs with.",
  );
}
