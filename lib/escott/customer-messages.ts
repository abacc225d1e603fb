import { CODE_CATALOG, type CustomerMessageGroup } from "./codes";

// What a customer may be told (docs/escott-protocol.md §9.1: never the raw codes). Browser-safe.

export type Locale = "ja" | "en";
export type LocalizedText = Readonly<Record<Locale, string>>;

export const CUSTOMER_MESSAGES: Readonly<Record<CustomerMessageGroup, LocalizedText>> = {
  card_number: {
    ja: "指定のカード番号が適切ではありません。",
    en: "The card number is not valid.",
  },
  expiry: {
    ja: "カードの有効期限が正しくないか、期限切れです。",
    en: "The card's expiry date is incorrect or the card has expired.",
  },
  security_code: {
    ja: "セキュリティコードが正しくありません。",
    en: "The security code is incorrect.",
  },
  card_info: {
    ja: "カード情報が正しくありません。ご確認のうえ、再度お試しください。",
    en: "The card details are incorrect. Please check them and try again.",
  },
  card_unusable: {
    ja: "このカードはご利用いただけません。別のカードをお試しいただくか、カード会社にお問い合わせください。",
    en: "This card cannot be used. Please try another card or contact your card issuer.",
  },
  daily_count: {
    ja: "本日のカードご利用回数または金額の上限を超えています。",
    en: "The card's daily usage limit (number or amount of payments) has been exceeded.",
  },
  daily_limit: {
    ja: "カードのご利用限度額を超えています。",
    en: "The card's credit limit has been exceeded.",
  },
  amount: {
    ja: "ご利用金額に誤りがあるため、お支払いできませんでした。",
    en: "The payment could not be made because of a problem with the amount.",
  },
  installment_minimum: {
    ja: "ご利用金額が分割払いの最低金額に達していません。お支払い回数を変更してください。",
    en: "The amount is below the minimum for installment payments. Please choose a different payment option.",
  },
  bonus_minimum: {
    ja: "ご利用金額がボーナス払いの最低金額に達していません。お支払い方法を変更してください。",
    en: "The amount is below the minimum for bonus payments. Please choose a different payment option.",
  },
  phone: {
    ja: "電話番号が正しくありません。半角数字とハイフン（13 文字以内）で入力してください。",
    en: "The phone number is invalid. Use digits and hyphens only (at most 13 characters).",
  },
  name: {
    ja: "お名前が正しくありません。",
    en: "The name is invalid.",
  },
  kana_name: {
    ja: "お名前（フリガナ）が正しくありません。全角カタカナで入力してください。",
    en: "The name reading (furigana) is invalid. Please enter it in full-width katakana.",
  },
  three_ds_failed: {
    ja: "3D セキュア認証ができませんでした。",
    en: "3-D Secure authentication could not be completed.",
  },
  generic: {
    ja: "恐れ入りますが、お問い合わせフォームより管理者にお問い合わせください。",
    en: "We are sorry, but the payment could not be processed. Please contact us using the inquiry form.",
  },
};

/** Card checkout failure shown by the vendor's WooCommerce plugins (docs/escott-protocol.md §3.2, §7.1). */
export const PAYMENT_FAILED_MESSAGE: LocalizedText = {
  ja: "支払い処理に失敗しました。再度お試しください。",
  en: "Payment processing failed. Please try again.",
};

/** SecureResultCode 1/8/9 (§6.3). */
export const THREE_DS_FAILED_MESSAGE: LocalizedText = CUSTOMER_MESSAGES.three_ds_failed;

/** The state saved before the 3DS redirect could not be restored (§9.1). */
export const THREE_DS_RETURN_FAILED_MESSAGE: LocalizedText = {
  ja: "3Dセキュア認証からの復帰に失敗しました。",
  en: "Returning from 3-D Secure authentication failed.",
};

/** Stored-card failures (§8.2, §8.4). */
export const MEMBER_MESSAGES = {
  addFailed: { ja: "カード会員情報の登録に失敗しました。", en: "Saving the card failed." },
  changeFailed: { ja: "カード会員情報の変更に失敗しました。", en: "Updating the saved card failed." },
  notFound: { ja: "カード会員情報が見つかりません。", en: "No saved card was found." },
  deleted: { ja: "カード会員情報を削除しました。", en: "The saved card has been deleted." },
} as const satisfies Record<string, LocalizedText>;

/**
 * Most specific first: fields the customer can fix on the form, then card/limit problems, and
 * `generic` last, so one actionable message wins over "contact us".
 */
export const GROUP_PRIORITY: readonly CustomerMessageGroup[] = [
  "card_number",
  "expiry",
  "security_code",
  "three_ds_failed",
  "installment_minimum",
  "bonus_minimum",
  "amount",
  "daily_limit",
  "daily_count",
  "card_unusable",
  "card_info",
  "phone",
  "kana_name",
  "name",
  "generic",
];

/**
 * Where the shopper needs a different hint than the table of the vendor's WooCommerce plugins
 * gives (docs/escott-protocol.md §9.1). K40 (security code mismatch) is grouped with "card info"
 * there; telling the shopper to check the security code is what actually helps them retry.
 */
const CUSTOMER_GROUP_OVERRIDES: Readonly<Record<string, CustomerMessageGroup>> = { K40: "security_code" };

export function customerMessageGroup(codes: readonly string[]): CustomerMessageGroup {
  const groups = new Set(codes.map((code) => CUSTOMER_GROUP_OVERRIDES[code.trim()] ?? CODE_CATALOG.get(code.trim())?.group ?? "generic"));
  return GROUP_PRIORITY.find((group) => groups.has(group)) ?? "generic";
}

/** One customer-facing message for a set of codes. */
export function customerMessage(codes: readonly string[], locale: Locale): string {
  return CUSTOMER_MESSAGES[customerMessageGroup(codes)][locale];
}
