"use client";
// The convenience-store method at checkout: nothing to enter, but the shopper sees the fee for
// the current cart (computed on the server, from clientData) and where the next step happens.
import { useEffect } from "react";
import type { PaymentFieldsProps } from "@/components/checkout/payment-fields";
import { useI18n } from "@/components/i18n-provider";
import { fmt } from "@/lib/i18n";

export function CvsPaymentFields({ option, register }: PaymentFieldsProps) {
  const { dict } = useI18n();
  const fee = Number(option.clientData.fee ?? 0);
  const total = Number(option.clientData.total ?? 0);
  const days = Number(option.clientData.payLimitDays ?? 0);

  useEffect(() => {
    register({ prepare: async () => ({ ok: true, data: {} }) });
    return () => register(null);
  }, [register]);

  return (
    <div className="space-y-1 rounded-md bg-stone-50 p-3 text-sm text-stone-700" data-testid="cvs-fields">
      <p data-testid="cvs-fee">{fee > 0 ? fmt(dict.cvs.feeNotice, { fee }) : dict.cvs.noFee}</p>
      <p className="font-semibold" data-testid="cvs-pay-total">
        {fmt(dict.cvs.payTotal, { total })}
      </p>
      {days > 0 && <p>{fmt(dict.cvs.payLimitNotice, { days })}</p>}
      <p>{dict.cvs.redirectNotice}</p>
    </div>
  );
}
