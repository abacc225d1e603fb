// Shop settings section "invoice": who issues the 領収書 / 適格簡易請求書. Receipts are offered
// only once the issuer's name is set (receiptsConfigured). The 登録番号 is optional (a shop not
// registered as 適格請求書発行事業者 still issues a plain 領収書) but checked when given.
import { z } from "zod";
import { msg } from "@/lib/i18n";
import { defineSection } from "@/lib/shop/settings/section";
import { isValidRegistrationNumber, normalizeRegistrationNumber } from "@/lib/receipts/registration-number";

/** The seal (角印) image is kept in the settings row as base64: capped so the row stays small. */
export const SEAL_MAX_BYTES = 200 * 1024;
export const SEAL_TYPES = ["image/png", "image/jpeg"] as const;

const seal = z.object({ type: z.enum(SEAL_TYPES), base64: z.string().max(Math.ceil(SEAL_MAX_BYTES / 3) * 4) });

export const invoiceSection = defineSection(
  "invoice",
  z.object({
    issuerName: z.string().trim().max(100, msg("errors.tooLong:100")).default(""),
    registrationNumber: z
      .string()
      .transform(normalizeRegistrationNumber)
      .refine((v) => v === "" || isValidRegistrationNumber(v), msg("receipts.registrationNumberInvalid"))
      .default(""),
    address: z.string().trim().max(200, msg("errors.tooLong:200")).default(""),
    phone: z
      .string()
      .trim()
      .max(20, msg("errors.tooLong:20"))
      .regex(/^[0-9+\-() ]*$/, msg("receipts.phoneInvalid"))
      .default(""),
    seal: seal.nullable().default(null),
  }),
);

export type InvoiceSettings = z.output<typeof invoiceSection.schema>;
export type InvoiceSettingsInput = z.input<typeof invoiceSection.schema>;

export function receiptsConfigured(s: InvoiceSettings): boolean {
  return s.issuerName !== "";
}

/** PNG or JPEG by its magic bytes (the uploaded file's own type claim is not trusted). */
export function sniffSealType(bytes: Uint8Array): (typeof SEAL_TYPES)[number] | null {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}
