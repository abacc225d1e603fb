// Response-code catalog (docs/escott-protocol.md §9.2, §9.3, §9.4). Browser-safe: admin screens may import it.
// Labels are the Japanese texts of the vendor's WooCommerce plugins (the reference implementation); for UnionPay (R..) and 3DS (U..) codes, whose plugin text
// is only "(UnionPay message)"/"(3DS message)", and for §9.3 codes, labels were written from the meaning.

export type CustomerMessageGroup =
  | "card_number"
  | "expiry"
  | "security_code"
  | "card_info"
  | "card_unusable"
  | "daily_count"
  | "daily_limit"
  | "amount"
  | "installment_minimum"
  | "bonus_minimum"
  | "phone"
  | "name"
  | "kana_name"
  | "three_ds_failed"
  | "generic";

/** plugin = §9.2 (known to the WooCommerce plugins); other = §9.3; client = our own pseudo-code. */
export type CodeSource = "plugin" | "other" | "client";

export interface CodeEntry {
  code: string;
  /** Japanese label for admins. */
  label: string;
  /** English meaning. */
  meaning: string;
  group: CustomerMessageGroup;
  source: CodeSource;
}

type CatalogRow = Omit<CodeEntry, "code" | "source">;

/** §9.2 — codes known to the WooCommerce plugins. */
const PLUGIN_CODES: Readonly<Record<string, CatalogRow>> = {
  K01: { label: "オンライン取引電文精査エラー", meaning: "Request message invalid (missing/incorrect fields for this OperateId)", group: "generic" },
  K02: { label: "項目「MerchantId」精査エラー", meaning: "Field MerchantId failed validation", group: "generic" },
  K03: { label: "項目「MerchantPass」精査エラー", meaning: "Field MerchantPass failed validation", group: "generic" },
  K04: { label: "項目「TenantId」精査エラー", meaning: "Field TenantId failed validation", group: "generic" },
  K05: { label: "項目「TransactionDate」精査エラー", meaning: "Field TransactionDate failed validation", group: "generic" },
  K06: { label: "項目「OperateId」精査エラー", meaning: "Field OperateId failed validation", group: "generic" },
  K07: { label: "項目「MerchantFree1」精査エラー", meaning: "Field MerchantFree1 failed validation", group: "generic" },
  K08: { label: "項目「MerchantFree2」精査エラー", meaning: "Field MerchantFree2 failed validation", group: "generic" },
  K09: { label: "項目「MerchantFree3」精査エラー", meaning: "Field MerchantFree3 failed validation", group: "generic" },
  K10: { label: "項目「ProcessId」精査エラー", meaning: "Field ProcessId failed validation", group: "generic" },
  K11: { label: "項目「ProcessPass」精査エラー", meaning: "Field ProcessPass failed validation", group: "generic" },
  K12: { label: "項目「ProcessId」または「ProcessPass」不整合エラー", meaning: "ProcessId/ProcessPass do not match a transaction issued by a master request (also returned when the transaction can no longer be handled, e.g. expired or deleted)", group: "generic" },
  K14: { label: "OperateId のステータス遷移不整合", meaning: "OperateId not allowed in the transaction's current state (e.g. second 1Delete)", group: "generic" },
  K15: { label: "会員参照（同一カード番号返戻）時の返戻対象会員数エラー", meaning: "Member lookup by card number would return too many members (limit 30)", group: "generic" },
  K20: { label: "項目「CardNo」精査エラー", meaning: "Field CardNo failed validation", group: "card_number" },
  K21: { label: "項目「CardExp」精査エラー", meaning: "Field CardExp failed validation", group: "expiry" },
  K22: { label: "項目「PayType」精査エラー", meaning: "Field PayType failed validation", group: "generic" },
  K23: { label: "項目「Amount」精査エラー", meaning: "Field Amount failed validation: must be half-width digits, not 0, at most 8 digits; also returned by 1Change when the new amount equals the current amount", group: "generic" },
  K24: { label: "項目「SecCd」精査エラー", meaning: "Field SecCd failed validation", group: "security_code" },
  K28: { label: "項目「TelNo」精査エラー", meaning: "Field TelNo failed validation (online payment agency: digits and hyphen, max 13 chars)", group: "phone" },
  K30: { label: "項目「MessageVersionNo3D」精査エラー", meaning: "Field MessageVersionNo3D failed validation", group: "three_ds_failed" },
  K31: { label: "項目「TransactionId3D」精査エラー", meaning: "Field TransactionId3D failed validation", group: "three_ds_failed" },
  K32: { label: "項目「EncordXId3D」精査エラー", meaning: "Field EncodeXId3D failed validation (label in the plugin misspells it \"EncordXId3D\")", group: "three_ds_failed" },
  K33: { label: "項目「TransactionStatus3D」精査エラー", meaning: "Field TransactionStatus3D failed validation", group: "three_ds_failed" },
  K34: { label: "項目「CAVVAlgorithm3D」精査エラー", meaning: "Field CAVVAlgorithm3D failed validation", group: "three_ds_failed" },
  K35: { label: "項目「CAVV3D」精査エラー", meaning: "Field CAVV3D failed validation", group: "three_ds_failed" },
  K36: { label: "項目「ECI3D」精査エラー", meaning: "Field ECI3D failed validation", group: "three_ds_failed" },
  K37: { label: "項目「PANCard3D」精査エラー", meaning: "Field PANCardNo3D failed validation (label says \"PANCard3D\")", group: "three_ds_failed" },
  K39: { label: "項目「SalesDate」精査エラー", meaning: "Field SalesDate failed validation: not YYYYMMDD or a future date", group: "generic" },
  K40: { label: "セキュリティコード誤り", meaning: "Security code mismatch (transaction approved but McSecCd=1)", group: "card_info" },
  K45: { label: "項目「KaiinId」精査エラー", meaning: "Field KaiinId failed validation", group: "card_info" },
  K46: { label: "項目「KaiinPass」精査エラー", meaning: "Field KaiinPass failed validation", group: "card_info" },
  K47: { label: "項目「NewKaiinPass」精査エラー", meaning: "Field NewKaiinPass failed validation", group: "card_info" },
  K48: { label: "項目「EnableCheckUseKbn」精査エラー", meaning: "Field EnableCheckUseKbn failed validation", group: "card_info" },
  K50: { label: "項目「PayLimit」精査エラー", meaning: "Field PayLimit failed validation", group: "generic" },
  K51: { label: "項目「NameKanji」精査エラー", meaning: "Field NameKanji failed validation", group: "name" },
  K52: { label: "項目「NameKana」精査エラー", meaning: "Field NameKana failed validation", group: "kana_name" },
  K53: { label: "項目「ShouhinName」精査エラー", meaning: "Field ShouhinName failed validation", group: "generic" },
  K54: { label: "項目「Free1～7」精査エラー", meaning: "Field Free1 to 7 failed validation", group: "generic" },
  K55: { label: "項目「Comment」精査エラー", meaning: "Field Comment failed validation", group: "generic" },
  K60: { label: "項目「戻り先 URL：ReturnURL」精査エラー", meaning: "Field ReturnURL failed validation", group: "generic" },
  K68: { label: "会員の登録機能は利用できません。", meaning: "Member (card storage) function not enabled for this merchant", group: "generic" },
  K69: { label: "会員ID の重複エラー", meaning: "KaiinId already used", group: "generic" },
  K70: { label: "会員が無効状態ではありません。", meaning: "Member is not in the invalidated state (4MemDel requires 4MemInval first)", group: "generic" },
  K71: { label: "会員ID の認証エラー", meaning: "KaiinId / KaiinPass do not match", group: "generic" },
  K73: { label: "会員が既に有効となっています。", meaning: "Member already valid (4MemUnInval on a valid member)", group: "generic" },
  K74: { label: "会員認証に連続して失敗し、ロックアウトされました。", meaning: "Member locked out after repeated authentication failures", group: "generic" },
  K75: { label: "会員は有効ではありません。", meaning: "Member is not valid", group: "generic" },
  K79: { label: "会員判定エラー（Login 無効または会員無効）", meaning: "Member judgement error (login disabled or member invalid)", group: "generic" },
  K80: { label: "会員ID 設定不一致（設定が必要）", meaning: "Master transaction had a KaiinId: the process request must also send KaiinId/KaiinPass", group: "generic" },
  K81: { label: "会員ID 設定不一致（設定が必要）", meaning: "Master transaction had no KaiinId: the process request must not send KaiinId/KaiinPass (the plugin text for K81 is the same as K80, which is misleading)", group: "generic" },
  K82: { label: "カード番号の入力内容不正", meaning: "Card number content invalid", group: "card_number" },
  K83: { label: "カード有効期限の入力内容不正", meaning: "Card expiry content invalid", group: "expiry" },
  K84: { label: "会員ID の入力内容不正", meaning: "Member ID content invalid", group: "generic" },
  K85: { label: "会員パスワードの入力内容不正", meaning: "Member password content invalid", group: "generic" },
  K86: { label: "項目「処理番号：ProcNo」精査エラー", meaning: "Field ProcNo failed validation", group: "generic" },
  K87: { label: "項目「POST用URL：PostUrl」精査エラー", meaning: "Field PostUrl failed validation", group: "generic" },
  K88: { label: "元取引重複エラー", meaning: "Original transaction duplicated (more than one match)", group: "generic" },
  K89: { label: "処理番号の重複エラー", meaning: "ProcNo already used", group: "generic" },
  K96: { label: "本システム通信障害発生（タイムアウト）", meaning: "e-SCOTT internal communication failure (timeout)", group: "generic" },
  K98: { label: "本システム内部で軽度障害が発生", meaning: "Minor internal failure in e-SCOTT", group: "generic" },
  K99: { label: "その他例外エラー", meaning: "Other exception", group: "generic" },
  KA1: { label: "項目「通貨コード：CurrencyId」精査エラー", meaning: "Field CurrencyId failed validation", group: "generic" },
  KBX: { label: "二重取引エラー", meaning: "Duplicate request received (browser back / double submit)", group: "generic" },
  KBY: { label: "処理未完了エラー", meaning: "Original transaction not completed", group: "generic" },
  KBZ: { label: "元取引なしエラー", meaning: "Original transaction not found", group: "generic" },
  KG8: { label: "事業者認証に連続して失敗し、ロックアウトされました。", meaning: "MerchantId/MerchantPass authentication locked out after repeated failures", group: "generic" },
  KGH: { label: "会員参照電文利用設定エラー", meaning: "Member reference message not enabled for this merchant", group: "generic" },
  KH0: { label: "レスポンス不明", meaning: "Response unknown (UnionPay side state unknown)", group: "generic" },
  KH4: { label: "項目「PageLanguage」精査エラー", meaning: "Field PageLanguage failed validation", group: "generic" },
  KHS: { label: "項目「SuccessURL」精査エラー", meaning: "Field SuccessURL failed validation", group: "generic" },
  KHT: { label: "項目「ErrorURL」精査エラー", meaning: "Field ErrorURL failed validation", group: "generic" },
  KHU: { label: "項目「StatusNoticeURL」精査エラー", meaning: "Field StatusNoticeURL failed validation", group: "generic" },
  KHV: { label: "自動取消実施済、再処理を行ってください。", meaning: "Auto-cancel executed; retry", group: "generic" },
  KHX: { label: "項目「Token」精査エラー", meaning: "Field Token failed validation", group: "generic" },
  KHZ: { label: "利用可能トークンなしエラー", meaning: "No usable token", group: "generic" },
  KI0: { label: "与信売上計上中止（詳細不明）", meaning: "Authorization/capture aborted (by end user; details unknown)", group: "generic" },
  KI1: { label: "項目「k_TokenNinsyoCode」精査エラー", meaning: "Field k_TokenNinsyoCode failed validation", group: "generic" },
  KI2: { label: "使用済みトークンエラー", meaning: "Token already used", group: "generic" },
  KI3: { label: "トークン有効期限切れエラー", meaning: "Token expired", group: "generic" },
  KI4: { label: "項目「端末情報」精査エラー", meaning: "Terminal information field invalid", group: "generic" },
  KI5: { label: "同一カード番号の連続入力によりロックされています。", meaning: "Locked: same card number entered repeatedly", group: "generic" },
  KI6: { label: "同一端末からの連続入力により端末がロックされています。", meaning: "Locked: repeated input from the same terminal", group: "generic" },
  KI8: { label: "取引の対象が複数件存在します。", meaning: "More than one target transaction", group: "generic" },
  KIE: { label: "項目「signature」精査エラー", meaning: "Apple Pay signature field invalid", group: "generic" },
  KIF: { label: "signature エラー、オブジェクト識別子が含まれていません。", meaning: "Apple Pay signature: object identifier missing", group: "generic" },
  KIH: { label: "signature エラー、署名時間が許容時間を超えています。", meaning: "Apple Pay signature: signing time outside tolerance", group: "generic" },
  KIJ: { label: "トークン決済、ApplePay 取引許可エラー", meaning: "Both Token and ProcessId given (send only one) - token / Apple Pay", group: "generic" },
  KIK: { label: "Apple Pay 会員元取引不整合エラー", meaning: "Apple Pay member: original transaction is not Apple Pay", group: "generic" },
  KIL: { label: "通常会員元取引不整合エラー", meaning: "Normal member: original transaction is not a normal card transaction", group: "generic" },
  KIW: { label: "項目「KaiinIdAutoRiyoFlg」精査エラー", meaning: "Field KaiinIdAutoRiyoFlg failed validation", group: "generic" },
  C01: { label: "e-SCOTT 設定関連エラー", meaning: "Error in Sony Payment Services side configuration", group: "generic" },
  C02: { label: "e-SCOTT システムエラー", meaning: "e-SCOTT system error", group: "generic" },
  C03: { label: "e-SCOTT 通信エラー", meaning: "e-SCOTT communication error", group: "generic" },
  C10: { label: "支払区分エラー", meaning: "Payment type (支払区分) not contracted/invalid", group: "generic" },
  C11: { label: "ボーナス期間外エラー", meaning: "Bonus payment outside the bonus period", group: "generic" },
  C12: { label: "分割回数エラー", meaning: "Number of installments not allowed", group: "generic" },
  C13: { label: "有効期限切れエラー", meaning: "Card expired / wrong expiry", group: "expiry" },
  C14: { label: "取消済みエラー", meaning: "Already cancelled", group: "generic" },
  C15: { label: "ボーナス金額下限エラー", meaning: "Below bonus-payment minimum amount", group: "bonus_minimum" },
  C16: { label: "カード番号エラー", meaning: "Card number does not exist", group: "card_number" },
  C17: { label: "カード番号体系エラー", meaning: "Card number range not contracted / invalid numbering system", group: "card_number" },
  C18: { label: "オーソリ除外対象のカード番号体系エラー", meaning: "Card number in authorization-exclusion range", group: "generic" },
  C70: { label: "弊社設定情報エラー", meaning: "SPS setting information error", group: "generic" },
  C71: { label: "弊社設定情報エラー", meaning: "SPS setting information error", group: "generic" },
  C80: { label: "カード会社センター閉局", meaning: "Card company center closed", group: "generic" },
  C98: { label: "その他例外エラー", meaning: "Other exception", group: "generic" },
  C99: { label: "その他例外エラー", meaning: "Other exception", group: "generic" },
  G12: { label: "カード使用不可", meaning: "Card cannot be used", group: "card_unusable" },
  G22: { label: "支払永久禁止", meaning: "Card permanently barred", group: "card_unusable" },
  G30: { label: "取引判定保留", meaning: "Transaction decision on hold", group: "card_unusable" },
  G42: { label: "暗証番号エラー", meaning: "PIN error", group: "card_info" },
  G44: { label: "セキュリティコード誤り", meaning: "Security code wrong", group: "security_code" },
  G45: { label: "セキュリティコード入力無", meaning: "Security code not entered", group: "security_code" },
  G54: { label: "利用回数エラー", meaning: "Daily usage count/amount exceeded", group: "daily_count" },
  G55: { label: "限度額オーバー", meaning: "Credit limit exceeded", group: "daily_limit" },
  G56: { label: "無効カード", meaning: "Invalid card", group: "card_unusable" },
  G60: { label: "事故カード", meaning: "Accident (lost/stolen) card", group: "card_unusable" },
  G61: { label: "無効カード", meaning: "Invalid card", group: "card_unusable" },
  G65: { label: "カード番号エラー", meaning: "Card number error", group: "card_number" },
  G68: { label: "金額エラー", meaning: "Amount error", group: "amount" },
  G72: { label: "ボーナス額エラー", meaning: "Bonus amount error", group: "amount" },
  G74: { label: "分割回数エラー", meaning: "Number of installments error", group: "generic" },
  G75: { label: "分割金額エラー", meaning: "Installment amount below minimum", group: "installment_minimum" },
  G78: { label: "支払区分エラー", meaning: "Payment type error", group: "generic" },
  G83: { label: "有効期限エラー", meaning: "Expiry date error", group: "expiry" },
  G84: { label: "承認番号エラー", meaning: "Approval number error", group: "card_info" },
  G85: { label: "CAFIS 代行エラー", meaning: "CAFIS proxy error", group: "generic" },
  G92: { label: "カード会社任意エラー", meaning: "Card company discretionary error", group: "generic" },
  G94: { label: "サイクル通番エラー", meaning: "Cycle sequence number error", group: "generic" },
  G95: { label: "当該業務オンライン終了", meaning: "Card company online service ended for the day", group: "generic" },
  G96: { label: "事故カードデータエラー", meaning: "Accident card data", group: "card_unusable" },
  G97: { label: "当該要求拒否", meaning: "Request rejected", group: "card_unusable" },
  G98: { label: "当該自社対象業務エラー", meaning: "Not a service of the connected card company", group: "generic" },
  G99: { label: "接続要求自社受付拒否", meaning: "Connection request refused", group: "generic" },
  R01: { label: "銀聯：システム停止中または一時的な障害", meaning: "UnionPay (銀聯): system not running or temporarily down", group: "generic" },
  R02: { label: "銀聯：電文フォーマットエラー", meaning: "UnionPay (銀聯): message format error", group: "generic" },
  R03: { label: "銀聯：署名エラー", meaning: "UnionPay (銀聯): signature error", group: "generic" },
  R04: { label: "銀聯：取引要素不足", meaning: "UnionPay (銀聯): transaction key element missing", group: "generic" },
  R05: { label: "銀聯：取引失敗（他の銀聯カードをご利用ください）", meaning: "UnionPay (銀聯): transaction failed; use another UnionPay card", group: "generic" },
  R06: { label: "銀聯：加盟店ステータス不正", meaning: "UnionPay (銀聯): merchant status incorrect", group: "generic" },
  R07: { label: "銀聯：取引権限なし", meaning: "UnionPay (銀聯): not entitled to this transaction", group: "generic" },
  R08: { label: "銀聯：金額上限超過", meaning: "UnionPay (銀聯): amount exceeds limit", group: "generic" },
  R09: { label: "銀聯：元取引なしまたは元取引ステータス不正", meaning: "UnionPay (銀聯): original transaction missing or in wrong state", group: "generic" },
  R10: { label: "銀聯：元取引との不一致", meaning: "UnionPay (銀聯): does not match original transaction", group: "generic" },
  R11: { label: "銀聯：照会回数超過または照会頻度過多", meaning: "UnionPay (銀聯): query limit exceeded / too frequent", group: "generic" },
  R12: { label: "銀聯：銀聯リスク制限", meaning: "UnionPay (銀聯): UnionPay risk restriction", group: "generic" },
  R13: { label: "銀聯：受付時間外（利用者の操作時間切れ）", meaning: "UnionPay (銀聯): outside acceptance time (end user did not finish in time)", group: "generic" },
  R14: { label: "銀聯：残高引落し可能だが支払時間経過", meaning: "UnionPay (銀聯): balance deductible but payment time elapsed", group: "generic" },
  R15: { label: "銀聯：カード番号不正", meaning: "UnionPay (銀聯): card number invalid", group: "generic" },
  R16: { label: "銀聯：発行会社が当該加盟店に未対応", meaning: "UnionPay (銀聯): issuer does not support this merchant", group: "generic" },
  R17: { label: "銀聯：カードステータス不正", meaning: "UnionPay (銀聯): card status incorrect", group: "generic" },
  R18: { label: "銀聯：残高不足", meaning: "UnionPay (銀聯): insufficient balance", group: "generic" },
  R19: { label: "銀聯：暗証番号・有効期限・CVN2 エラー", meaning: "UnionPay (銀聯): PIN / expiry / CVN2 error", group: "generic" },
  R20: { label: "銀聯：身分証番号または携帯電話番号の誤り", meaning: "UnionPay (銀聯): cardholder ID or mobile number incorrect", group: "generic" },
  R21: { label: "銀聯：暗証番号入力回数超過", meaning: "UnionPay (銀聯): PIN attempt limit exceeded", group: "generic" },
  R22: { label: "銀聯：当該取引に利用できないカード", meaning: "UnionPay (銀聯): card not usable for this transaction", group: "generic" },
  R23: { label: "銀聯：試行時間制限超過", meaning: "UnionPay (銀聯): attempt time limit exceeded", group: "generic" },
  R24: { label: "銀聯：リダイレクト済み（カード会員入力画面待ち）", meaning: "UnionPay (銀聯): redirected; wait for cardholder input screen", group: "generic" },
  R25: { label: "銀聯：動的パスワード・SMS 認証コード検証不可", meaning: "UnionPay (銀聯): dynamic password / SMS code not verifiable", group: "generic" },
  R26: { label: "銀聯：銀聯オンライン決済未登録カード", meaning: "UnionPay (銀聯): card not enrolled for UnionPay online payment", group: "generic" },
  R27: { label: "銀聯：カード有効期限切れ", meaning: "UnionPay (銀聯): card expired", group: "generic" },
  R28: { label: "銀聯：有効化に暗号検証が必要", meaning: "UnionPay (銀聯): cryptographic verification required for activation", group: "generic" },
  R29: { label: "銀聯：認証決済未開通カード", meaning: "UnionPay (銀聯): card not activated for authenticated payments", group: "generic" },
  R30: { label: "銀聯：発行会社によるカード利用制限", meaning: "UnionPay (銀聯): issuer restricted the card", group: "generic" },
  R31: { label: "銀聯：発行会社が SMS 認証に未対応", meaning: "UnionPay (銀聯): issuer does not support SMS authentication", group: "generic" },
  R32: { label: "銀聯：ファイルが存在しません", meaning: "UnionPay (銀聯): file does not exist", group: "generic" },
  R33: { label: "銀聯：一般エラー", meaning: "UnionPay (銀聯): general error", group: "generic" },
  R34: { label: "銀聯：ソニーペイメントサービスへお問い合わせください", meaning: "UnionPay (銀聯): contact SPS", group: "generic" },
  R35: { label: "銀聯：ソニーペイメントサービスへお問い合わせください", meaning: "UnionPay (銀聯): contact SPS", group: "generic" },
  R36: { label: "銀聯：取引が存在しません", meaning: "UnionPay (銀聯): transaction does not exist", group: "generic" },
  R37: { label: "銀聯：取引失敗（カード発行会社へお問い合わせください）", meaning: "UnionPay (銀聯): transaction failed; ask the issuer", group: "generic" },
  U01: { label: "3D セキュア：カード会員の 3D セキュアパスワード未設定", meaning: "Cardholder has no 3DS password set", group: "three_ds_failed" },
  U02: { label: "3D セキュア：カード発行会社が 3D セキュア未対応", meaning: "Issuer does not support 3DS", group: "three_ds_failed" },
  U03: { label: "3D セキュア：ブランド・発行会社サーバー障害により認証不可", meaning: "Brand/issuer server failure, could not authenticate", group: "three_ds_failed" },
  U04: { label: "3D セキュア：認証不可（チャレンジ画面なしで失敗する場合あり）", meaning: "3DS authentication not possible (may fail without a challenge screen)", group: "three_ds_failed" },
  U05: { label: "3D セキュア：認証システムで改ざんを検知", meaning: "Tampering detected by the authentication system", group: "three_ds_failed" },
  U06: { label: "3D セキュア：利用者タイムアウト（40 分超過）", meaning: "End-user timeout (more than 40 minutes)", group: "three_ds_failed" },
  U07: { label: "3D セキュア：処理中に同一電文を受信", meaning: "Same message received while processing", group: "three_ds_failed" },
  U08: { label: "3D セキュア：セッション削除後に重複電文を受信", meaning: "Duplicate message received after session deleted", group: "three_ds_failed" },
  U09: { label: "3D セキュア：ブランドが 3D セキュア未対応", meaning: "Brand does not support 3DS", group: "three_ds_failed" },
  U10: { label: "3D セキュア：ブランドサーバー停止または接続不可", meaning: "Brand server stopped / unreachable", group: "three_ds_failed" },
  U11: { label: "3D セキュア：認証システム精査エラー", meaning: "Authentication system validation error", group: "three_ds_failed" },
  U12: { label: "3D セキュア：加盟店認証エラー", meaning: "Merchant authentication error", group: "three_ds_failed" },
  U13: { label: "3D セキュア：認証システム項目エラー", meaning: "Authentication system item error", group: "three_ds_failed" },
  U14: { label: "3D セキュア：計画メンテナンス中（終了後に再実行）", meaning: "Planned maintenance; retry after it ends", group: "three_ds_failed" },
  U95: { label: "3D セキュア：一時的な障害（再実行）", meaning: "Temporary failure; retry", group: "three_ds_failed" },
  U96: { label: "3D セキュア：障害・タイムアウト（復旧連絡後に再実行）", meaning: "Failure/timeout; retry after recovery notice", group: "three_ds_failed" },
  U99: { label: "3D セキュア：想定外のエラー", meaning: "Unexpected error", group: "three_ds_failed" },
  W01: { label: "オンライン収納代行サービス設定エラー", meaning: "Online payment agency service configuration error", group: "generic" },
  W02: { label: "設定値エラー", meaning: "Setting value error", group: "generic" },
  W03: { label: "オンライン収納代行サービス内部エラー（Web系）", meaning: "Online payment agency internal error (web)", group: "generic" },
  W04: { label: "システム設定エラー", meaning: "System setting error", group: "generic" },
  W05: { label: "項目設定エラー", meaning: "Item setting error", group: "generic" },
  W06: { label: "オンライン収納代行サービス内部エラー（DB系）", meaning: "Online payment agency internal error (DB)", group: "generic" },
  W99: { label: "その他例外エラー", meaning: "Other exception", group: "generic" },
};

/** §9.3 — codes known only from other integrations (ranges expanded). */
const OTHER_CODES: Readonly<Record<string, CatalogRow>> = {
  K25: { label: "項目「KanaSei」精査エラー", meaning: "Field KanaSei (authentication-assist kana surname) failed validation", group: "kana_name" },
  K26: { label: "項目「KanaMei」精査エラー", meaning: "Field KanaMei (authentication-assist kana given name) failed validation", group: "kana_name" },
  K27: { label: "項目「BirthDay」精査エラー", meaning: "Field BirthDay (authentication-assist birthday) failed validation", group: "card_info" },
  K41: { label: "認証アシスト不一致（生年月日）", meaning: "Authentication assist mismatch: birthday", group: "card_info" },
  K42: { label: "認証アシスト不一致（電話番号下4桁）", meaning: "Authentication assist mismatch: last 4 digits of the phone number", group: "card_info" },
  K43: { label: "認証アシスト不一致（姓）", meaning: "Authentication assist mismatch: last name", group: "card_info" },
  K44: { label: "認証アシスト不一致（名）", meaning: "Authentication assist mismatch: first name", group: "card_info" },
  KE0: { label: "項目「Sex」精査エラー", meaning: "Field Sex failed validation", group: "card_info" },
  KE1: { label: "項目「BirthYear」精査エラー", meaning: "Field BirthYear failed validation", group: "card_info" },
  KE2: { label: "項目「Postal」精査エラー", meaning: "Field Postal failed validation", group: "card_info" },
  KE3: { label: "項目「AcntNo1」精査エラー", meaning: "Field AcntNo1 (bank account, first 4) failed validation", group: "card_info" },
  KE4: { label: "項目「AcntNo2」精査エラー", meaning: "Field AcntNo2 (bank account, last 4) failed validation", group: "card_info" },
  KE5: { label: "項目「CardMei」精査エラー", meaning: "Field CardMei (card-holder name) failed validation", group: "card_info" },
  KE6: { label: "項目「CardDispLength」精査エラー", meaning: "Field CardDispLength failed validation", group: "generic" },
  KEA: { label: "認証アシスト不一致（性別）", meaning: "Authentication assist mismatch: sex", group: "card_info" },
  KEB: { label: "認証アシスト不一致（生年）", meaning: "Authentication assist mismatch: birth year", group: "card_info" },
  KEC: { label: "認証アシスト不一致（郵便番号）", meaning: "Authentication assist mismatch: postal code", group: "card_info" },
  KED: { label: "認証アシスト不一致（口座番号上4桁）", meaning: "Authentication assist mismatch: bank account first 4 digits", group: "card_info" },
  KEE: { label: "認証アシスト不一致（口座番号下4桁）", meaning: "Authentication assist mismatch: bank account last 4 digits", group: "card_info" },
  KEF: { label: "認証アシスト不一致（カード名義）", meaning: "Authentication assist mismatch: card-holder name", group: "card_info" },
  K64: { label: "項目「返品区分」精査エラー", meaning: "Refund type failed validation", group: "generic" },
  K65: { label: "項目「カード会社コード」精査エラー", meaning: "Card company code failed validation", group: "generic" },
  K66: { label: "項目「承認番号」精査エラー", meaning: "Approval number failed validation", group: "generic" },
  K67: { label: "項目「売上日」精査エラー", meaning: "Capture date failed validation", group: "generic" },
  K95: { label: "ファイルフォーマットエラー", meaning: "File format error", group: "generic" },
  KIN: { label: "取消不要（内部で取消済み）", meaning: "Cancellation not needed (already cancelled internally)", group: "generic" },
  U15: { label: "3D セキュア：アテンプト", meaning: "3-D Secure attempt (アテンプト)", group: "three_ds_failed" },
  P51: { label: "カード登録画面（SSNP010）でキャンセル", meaning: "Customer cancelled on the card registration screen SSNP010 (link mode)", group: "generic" },
  P52: { label: "カード登録確認画面（SSNP020）でキャンセル", meaning: "Customer cancelled on the card registration confirmation SSNP020 (link mode)", group: "generic" },
  P53: { label: "カード登録エラー", meaning: "Error in card registration response (link mode)", group: "generic" },
  P54: { label: "カード登録時の認証アシスト不一致回数超過", meaning: "Retry limit for authentication-assist mismatches exceeded (registration)", group: "card_info" },
  P55: { label: "カード変更画面（SSNP030）でキャンセル", meaning: "Customer cancelled on the card change screen SSNP030 (link mode)", group: "generic" },
  P56: { label: "カード変更確認画面（SSNP040）でキャンセル", meaning: "Customer cancelled on the card change confirmation SSNP040 (link mode)", group: "generic" },
  P57: { label: "カード変更エラー", meaning: "Error in card change response (link mode)", group: "generic" },
  P58: { label: "カード変更時の認証アシスト不一致回数超過", meaning: "Retry limit for authentication-assist mismatches exceeded (change)", group: "card_info" },
  P60: { label: "会員参照エラー", meaning: "Error in member reference response (link mode)", group: "generic" },
  P62: { label: "会員購入：認証アシスト画面（SSNP080）でキャンセル", meaning: "Customer cancelled on member purchase authentication assist screen SSNP080", group: "generic" },
  P63: { label: "会員購入：カード確認画面（SSNP090）でキャンセル", meaning: "Customer cancelled on member purchase card confirmation SSNP090", group: "generic" },
  P64: { label: "会員購入：カード入力画面（SSNP100）でキャンセル", meaning: "Customer cancelled on member purchase card input SSNP100", group: "generic" },
  P65: { label: "会員購入：確認画面（SSNP110）でキャンセル", meaning: "Customer cancelled on member purchase confirmation SSNP110", group: "generic" },
  P66: { label: "会員購入エラー", meaning: "Error in member purchase (link mode)", group: "generic" },
  P67: { label: "会員購入（他のカードで購入）エラー", meaning: "Error in member purchase using 「他のカードで購入」 (link mode)", group: "generic" },
  P68: { label: "会員購入時の認証アシスト不一致回数超過", meaning: "Retry limit for authentication-assist mismatches exceeded (member purchase)", group: "card_info" },
  P69: { label: "非会員購入：入力画面（SSNP120）でキャンセル", meaning: "Customer cancelled on non-member purchase input SSNP120", group: "generic" },
  P70: { label: "非会員購入：確認画面（SSNP130）でキャンセル", meaning: "Customer cancelled on non-member purchase confirmation SSNP130", group: "generic" },
  P71: { label: "非会員与信エラー", meaning: "Error in non-member authorization (link mode)", group: "generic" },
  P72: { label: "非会員購入時の認証アシスト不一致回数超過", meaning: "Retry limit for authentication-assist mismatches exceeded (non-member purchase)", group: "card_info" },
  P74: { label: "セッションタイムアウト", meaning: "Session timeout (link mode)", group: "generic" },
};

/** `NG` is not an e-SCOTT code: it is the placeholder for "no usable answer" (§9.4). */
const CLIENT_CODES: Readonly<Record<string, CatalogRow>> = {
  NG: {
    label: "通信エラー",
    meaning: "Connection failed, timed out or no ResponseCd was returned (client placeholder, not an e-SCOTT code)",
    group: "generic",
  },
};

function build(rows: Readonly<Record<string, CatalogRow>>, source: CodeSource): [string, CodeEntry][] {
  return Object.entries(rows).map(([code, row]) => [code, { code, ...row, source }]);
}

export const CODE_CATALOG: ReadonlyMap<string, CodeEntry> = new Map([
  ...build(PLUGIN_CODES, "plugin"),
  ...build(OTHER_CODES, "other"),
  ...build(CLIENT_CODES, "client"),
]);

export type CodeDescription = ({ known: true } & CodeEntry) | { known: false; code: string; group: "generic" };

export function describeCode(code: string): CodeDescription {
  const entry = CODE_CATALOG.get(code.trim());
  return entry ? { known: true, ...entry } : { known: false, code, group: "generic" };
}

/** One "CODE: label" line per code for logs and the admin order screen; unknown codes appear bare. */
export function adminText(codes: readonly string[]): string {
  return codes
    .map((code) => {
      const entry = CODE_CATALOG.get(code.trim());
      return entry ? `${entry.code}: ${entry.label}` : code;
    })
    .join("\n");
}

/** Link-mode cancel codes the pro plugin treats as "customer cancelled" (silent return, §6.8). */
export const CUSTOMER_CANCEL_CODES: ReadonlySet<string> = new Set([
  "P51", "P52", "P55", "P56", "P62", "P63", "P64", "P65", "P69", "P70",
]);

export function isCustomerCancel(codes: readonly string[]): boolean {
  return codes.length > 0 && codes.every((code) => CUSTOMER_CANCEL_CODES.has(code));
}
