import { z } from "zod";

/**
 * The nine values the 3DS page returns and that must be forwarded unchanged to 1Auth/1Gathering
 * (and 4MemAdd/4MemChg) — docs/escott-protocol.md §6.5. Keys are the wire names on purpose: the values are opaque
 * and forwarding is a plain copy.
 */
export const THREE_DS_VALUE_FIELDS = [
  "SecureResultCode",
  "MessageVersionNo3D",
  "EncodeXId3D",
  "TransactionStatus3D",
  "CAVVAlgorithm3D",
  "CAVV3D",
  "ECI3D",
  "DSTransactionId",
  "ThreeDSServerTransactionId",
] as const;

export type ThreeDSValueField = (typeof THREE_DS_VALUE_FIELDS)[number];

/** Empty strings are allowed: the vendor's WooCommerce plugins (docs/escott-protocol.md §6.5) forward empty values as they came back. */
export type ThreeDSValues = { SecureResultCode: string } & Partial<Record<Exclude<ThreeDSValueField, "SecureResultCode">, string>>;

export const threeDSValuesSchema = z.object({
  SecureResultCode: z.string(),
  MessageVersionNo3D: z.string().optional(),
  EncodeXId3D: z.string().optional(),
  TransactionStatus3D: z.string().optional(),
  CAVVAlgorithm3D: z.string().optional(),
  CAVV3D: z.string().optional(),
  ECI3D: z.string().optional(),
  DSTransactionId: z.string().optional(),
  ThreeDSServerTransactionId: z.string().optional(),
}) satisfies z.ZodType<ThreeDSValues>;

export function threeDSFields(values: ThreeDSValues | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!values) return out;
  for (const key of THREE_DS_VALUE_FIELDS) {
    const value = values[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
