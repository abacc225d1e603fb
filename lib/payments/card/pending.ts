// What a checkout must remember across the 3-D Secure round trip (docs/escott-protocol.md §6.3 step 3): the
// browser leaves our site and e-SCOTT posts back without our session, so the choices travel
// in Payment.pendingData — sealed, because the token is in it — and are cleared once used.
import { z } from "zod";
import type { PayType } from "@/lib/escott";
import { isPayType } from "@/lib/escott/installments";
import type { SecretBox } from "@/lib/security/secret-box";

const pendingSchema = z.object({
  mode: z.enum(["new", "saved"]),
  token: z.string().optional(),
  maskedCard: z.string().optional(),
  payType: z.string().refine(isPayType),
  save: z.boolean(),
  userId: z.string().nullable(),
  agreement: z.boolean(),
});

export type PendingCheckout = Omit<z.infer<typeof pendingSchema>, "payType"> & { payType: PayType };

export function sealPending(box: SecretBox, data: PendingCheckout): string {
  return box.seal(JSON.stringify(data));
}

export function openPending(box: SecretBox, sealed: string | null): PendingCheckout | null {
  if (!sealed) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(box.open(sealed)));
    return parsed.success ? (parsed.data as PendingCheckout) : null;
  } catch {
    return null;
  }
}
