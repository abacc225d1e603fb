"use client";
// 照会 / 変更 / 取消 on the admin order page, each behind a confirmation.
import { useActionState } from "react";
import { cvsChangeAction, cvsDeleteAction, cvsReferenceAction, type CvsOperationState } from "@/app/admin/payments/cvs/actions";
import { useI18n } from "@/components/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { errorText, formatYen } from "@/lib/i18n";
import { formatNyukinDate, formatPayLimit } from "@/lib/payments/cvs/status";

function confirmFirst(message: string) {
  return (event: React.MouseEvent<HTMLButtonElement>) => {
    if (!window.confirm(message)) event.preventDefault();
  };
}

function Result({ state, testId }: { state: CvsOperationState; testId: string }) {
  const { dict } = useI18n();
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} data-testid={testId} className={`text-sm ${state.ok ? "text-brand-700" : "text-accent-600"}`}>
      {errorText(dict, state.message, state.values)}
    </p>
  );
}

export function CvsOperationForms({ orderId, unpaid, payLimitDate, amount }: { orderId: number; unpaid: boolean; payLimitDate: string; amount: number }) {
  const { dict } = useI18n();
  const t = dict.cvs;
  const [ref, refAction, refPending] = useActionState<CvsOperationState, FormData>(cvsReferenceAction, { ok: true });
  const [chg, chgAction, chgPending] = useActionState<CvsOperationState, FormData>(cvsChangeAction, { ok: true });
  const [del, delAction, delPending] = useActionState<CvsOperationState, FormData>(cvsDeleteAction, { ok: true });
  const r = ref.reference;

  return (
    <div className="space-y-5">
      <form action={refAction} className="space-y-2">
        <input type="hidden" name="orderId" value={orderId} />
        <p className="text-xs text-stone-500">{t.opReferenceHint}</p>
        <SubmitButton variant="secondary" pendingLabel={t.working} pending={refPending} onClick={confirmFirst(t.confirmReference)}>
          {t.opReference}
        </SubmitButton>
        <Result state={ref} testId="cvs-reference-result" />
        {r && (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="cvs-reference">
            {r.kessaiStatus && (
              <>
                <dt className="text-stone-500">{t.kessaiStatus}</dt>
                <dd>{r.kessaiStatus}</dd>
              </>
            )}
            {r.recvNum && (
              <>
                <dt className="text-stone-500">{t.recvNum}</dt>
                <dd data-testid="cvs-reference-recvnum">{r.recvNum}</dd>
              </>
            )}
            {r.nyukinDate && (
              <>
                <dt className="text-stone-500">{t.paidAt}</dt>
                <dd>{formatNyukinDate(r.nyukinDate)}</dd>
              </>
            )}
            {r.storeName && (
              <>
                <dt className="text-stone-500">{t.store}</dt>
                <dd data-testid="cvs-reference-store">{r.storeName}</dd>
              </>
            )}
            {r.amount !== undefined && (
              <>
                <dt className="text-stone-500">{t.amount}</dt>
                <dd>{formatYen(dict, r.amount)}</dd>
              </>
            )}
            {!r.paid && r.payLimit && (
              <>
                <dt className="text-stone-500">{t.payLimit}</dt>
                <dd>{formatPayLimit(r.payLimit)}</dd>
              </>
            )}
          </dl>
        )}
      </form>

      {unpaid && (
        <form action={chgAction} className="space-y-2 border-t border-stone-200 pt-4">
          <input type="hidden" name="orderId" value={orderId} />
          <p className="text-xs text-stone-500">{t.opChangeHint}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="text-sm">
              <span className="mb-1 block font-medium">{t.newPayLimit}</span>
              <input type="date" name="payLimitDate" defaultValue={payLimitDate} required className={inputClass} />
            </label>
            <label className="text-sm">
              <span className="mb-1 block font-medium">{t.newAmount}</span>
              <input name="amount" inputMode="numeric" defaultValue={amount} required className={inputClass} />
            </label>
          </div>
          <SubmitButton variant="secondary" pendingLabel={t.working} pending={chgPending} onClick={confirmFirst(t.confirmChange)}>
            {t.opChange}
          </SubmitButton>
          <Result state={chg} testId="cvs-change-result" />
        </form>
      )}

      {unpaid && (
        <form action={delAction} className="space-y-2 border-t border-stone-200 pt-4">
          <input type="hidden" name="orderId" value={orderId} />
          <p className="text-xs text-stone-500">{t.opDeleteHint}</p>
          <SubmitButton variant="danger" pendingLabel={t.working} pending={delPending} onClick={confirmFirst(t.confirmDelete)}>
            {t.opDelete}
          </SubmitButton>
          <Result state={del} testId="cvs-delete-result" />
        </form>
      )}
      {/* After 取消 the registration is no longer unpaid and its forms are gone; the outcome stays. */}
      {!unpaid && <Result state={del} testId="cvs-delete-result" />}
      {!unpaid && <Result state={chg} testId="cvs-change-result" />}
    </div>
  );
}
