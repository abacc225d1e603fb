// UI strings of refunds (Japanese): the 返金 operation of a captured card payment, the refund list
// and the totals. Same keys in refund.en.ts. Keys read through errorText() ("refund.amountRange") sit at the top level.
export const refundJa = {
  amountLabel: "返金額（円）",
  reasonLabel: "返金理由（必須）",
  hint: "売上計上済みの金額の一部を返金します（利用額変更）。残額をすべて返金する場合は取引を取り消します（取消）。",
  amountRange: "返金額は1円以上{remaining}円以下の整数で入力してください。",
  reasonRequired: "返金理由を入力してください。",
  reasonTooLong: "返金理由は{limit}文字以内で入力してください。",
  refunded: "{amount}円を返金しました。",
  refundedAll: "残額{amount}円を返金し、取引を取り消しました。",
  listTitle: "返金",
  refundedTotal: "返金額",
  remaining: "返金後の合計",
  entry: "{amount}円 — {reason}",
  by: "{date} {author}",
  voidReason: "取消（売上の全額返金）",
  notePart: "{amount}円を返金しました（利用額変更 {before}円 → {after}円）。\n理由: {reason}\n{line}",
  noteRest: "残額{amount}円を返金しました（取消）。注文は返金済みになります。\n理由: {reason}\n{line}",
};
