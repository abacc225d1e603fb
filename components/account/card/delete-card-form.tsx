"use client";
// 「カード会員情報を削除」 with a confirmation step; the server applies the deletion rule again.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCardAction } from "@/app/account/card/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { errorText, noticePath } from "@/lib/i18n";

export function DeleteCardForm() {
  const { dict } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteCardAction();
      setConfirming(false);
      if (!("notice" in result)) return;
      if (result.ok) router.replace(noticePath("/account/card", result.notice));
      else setMessage(errorText(dict, result.notice));
    });

  return (
    <div className="space-y-3">
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-accent-600 px-4 py-2 text-accent-600 hover:bg-red-50">
          {dict.card.deleteButton}
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-card-confirm" className="space-y-3 rounded-md border border-accent-600 bg-red-50 p-3">
          <p id="delete-card-confirm">{dict.card.deleteConfirm}</p>
          <div className="flex gap-2">
            <Button variant="danger" disabled={pending} onClick={remove}>
              {pending ? dict.card.deleting : dict.card.deleteConfirmButton}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {dict.card.cancel}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <Notice variant="text" tone="error" data-testid="card-delete-message" className="text-sm">
          {message}
        </Notice>
      )}
    </div>
  );
}
