"use server";
// Admin actions of the online payment agency: its settings, and the operations on an order's
// registration (照会 / 変更 / 取消). Each one checks the admin first.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appCvsDeps } from "@/lib/payments/cvs/app-deps";
import { changeRegistration, deleteRegistration, referenceRegistration, type ReferenceView } from "@/lib/payments/cvs/operations";
import { updateSettings } from "@/lib/payments/settings/update";
import { appSecretBox } from "@/lib/security/app-box";

export interface CvsSettingsState {
  ok: boolean;
  message?: string;
  errors?: Record<string, string>;
}

const SCALARS = ["enabled", "title", "description", "testMode", "merchantId", "merchantPass", "payLimitDays", "feeEnabled", "saveLog"] as const;

/** The settings form: scalar fields by name, the fee table as feeRows.<i>.<from|to|fee>. */
function settingsInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of SCALARS) {
    const value = form.get(key);
    if (typeof value === "string") input[key] = value;
  }
  const rows: Record<string, string>[] = [];
  for (const [key, value] of form) {
    const m = /^feeRows\.(\d{1,3})\.(from|to|fee)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    (rows[Number(m[1])] ??= {})[m[2]!] = value.trim();
  }
  input.feeRows = rows.filter(Boolean).map((r) => ({ from: r.from ?? "", to: r.to ?? "", fee: r.fee ?? "" }));
  return input;
}

export async function saveCvsSettingsAction(_prev: CvsSettingsState, form: FormData): Promise<CvsSettingsState> {
  await requireAdmin();
  const result = await updateSettings(db(), appSecretBox(), "cvs", settingsInput(form), env().ESCOTT_TARGET);
  if (!result.ok) return { ok: false, message: "cvs.settingsInvalid", errors: result.errors };
  revalidatePath("/admin/payments");
  revalidatePath("/admin/payments/cvs");
  return { ok: true, message: "cvs.settingsSaved" };
}

export interface CvsOperationState {
  ok: boolean;
  message?: string;
  values?: Record<string, string | number>;
  reference?: ReferenceView;
}

const orderIdSchema = z.coerce.number().int().positive();

async function operate(form: FormData, run: (orderId: number, actor: string) => Promise<CvsOperationState>): Promise<CvsOperationState> {
  const admin = await requireAdmin();
  const orderId = orderIdSchema.safeParse(form.get("orderId"));
  if (!orderId.success) return { ok: false, message: "errors.generic" };
  const state = await run(orderId.data, admin.email);
  revalidatePath(`/admin/orders/${orderId.data}`);
  return state;
}

export async function cvsReferenceAction(_prev: CvsOperationState, form: FormData): Promise<CvsOperationState> {
  return operate(form, async (orderId) => referenceRegistration(await appCvsDeps(), orderId));
}

export async function cvsChangeAction(_prev: CvsOperationState, form: FormData): Promise<CvsOperationState> {
  return operate(form, async (orderId, actor) => {
    const amountText = String(form.get("amount") ?? "").trim();
    const amount = /^\d{1,9}$/.test(amountText) ? Number(amountText) : Number.NaN;
    return changeRegistration(await appCvsDeps(), orderId, { payLimitDate: String(form.get("payLimitDate") ?? ""), amount }, actor);
  });
}

export async function cvsDeleteAction(_prev: CvsOperationState, form: FormData): Promise<CvsOperationState> {
  return operate(form, async (orderId, actor) => deleteRegistration(await appCvsDeps(), orderId, actor));
}
