// Saving the invoice settings form: text fields through the section's schema, the seal image
// checked by size, by its magic bytes and by actually decoding it (pdfkit, as the PDF will).
// Any error saves nothing.
import PDFDocument from "pdfkit";
import type { Db } from "@/lib/db";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { invoiceSection, SEAL_MAX_BYTES, sniffSealType, type InvoiceSettings } from "@/lib/receipts/settings";
import { loadShopSettings, saveShopSettings } from "@/lib/shop/settings/store";

export interface InvoiceSettingsForm {
  issuerName: string;
  registrationNumber: string;
  address: string;
  phone: string;
  /** A newly uploaded seal (empty when none was chosen). */
  sealFile: Uint8Array | null;
  removeSeal: boolean;
}

type Seal = InvoiceSettings["seal"];

function readSeal(bytes: Uint8Array): { ok: true; seal: NonNullable<Seal> } | { ok: false; error: "receipts.sealTooLarge" | "receipts.sealInvalid" } {
  if (bytes.length > SEAL_MAX_BYTES) return { ok: false, error: "receipts.sealTooLarge" };
  const type = sniffSealType(bytes);
  if (!type) return { ok: false, error: "receipts.sealInvalid" };
  try {
    new PDFDocument({ size: "A7" }).image(Buffer.from(bytes), 0, 0, { fit: [60, 60] });
  } catch {
    return { ok: false, error: "receipts.sealInvalid" };
  }
  return { ok: true, seal: { type, base64: Buffer.from(bytes).toString("base64") } };
}

export async function updateInvoiceSettings(db: Db, form: InvoiceSettingsForm): Promise<{ ok: true; settings: InvoiceSettings } | { ok: false; errors: FieldErrors }> {
  const current = await loadShopSettings(db, invoiceSection);
  let seal: Seal = form.removeSeal ? null : current.seal;
  if (form.sealFile && form.sealFile.length > 0) {
    const read = readSeal(form.sealFile);
    if (!read.ok) return { ok: false, errors: { seal: read.error } };
    seal = read.seal;
  }
  const parsed = invoiceSection.schema.safeParse({ issuerName: form.issuerName, registrationNumber: form.registrationNumber, address: form.address, phone: form.phone, seal });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, settings: await saveShopSettings(db, invoiceSection, parsed.data) };
}
