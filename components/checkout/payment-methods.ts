"use client";
// Browser-side fields of each payment method, by gateway id (see lib/payments/gateways.ts).
import { CardPaymentFields } from "@/components/checkout/card/card-payment-fields";
import { CvsPaymentFields } from "@/components/checkout/cvs/cvs-payment-fields";
import type { PaymentFieldsProps } from "@/components/checkout/payment-fields";

export const PAYMENT_FIELDS: Record<string, React.ComponentType<PaymentFieldsProps>> = { cvs: CvsPaymentFields, card: CardPaymentFields };
