// UI strings of the admins' second factor (Japanese): /admin/security and the challenge at /login/2fa.
// Same keys in two-factor.en.ts. Keys read through errorText() ("twoFactor.invalidCode") sit at the top level.
export const twoFactorJa = {
  nav: "2段階認証",
  title: "2段階認証",
  intro: "ログインのとき、パスワードに加えて認証アプリ（Google Authenticator、Microsoft Authenticator など）に表示される6桁のコードを入力します。パスワードが漏れても、管理画面は守られます。",
  requiredNotice: "このショップでは、管理者は2段階認証の設定が必須です。設定を済ませると管理画面を利用できます。",
  statusOn: "有効",
  status: "状態",
  enabledSince: "設定日時",
  recoveryLeft: "未使用の回復コード",
  recoveryLeftCount: "{count}個",
  // Enrolment
  scanTitle: "1. 認証アプリに登録する",
  scanHelp: "認証アプリでQRコードを読み取ってください。",
  qrAlt: "認証アプリに登録するQRコード",
  manualHelp: "QRコードを読み取れない場合は、アプリに次のセットアップキーを入力してください（時間ベース・6桁）。",
  secretLabel: "セットアップキー",
  confirmTitle: "2. コードを入力して設定を完了する",
  confirmHelp: "認証アプリに表示されている6桁のコードを入力してください。",
  code: "認証コード",
  codeHint: "認証アプリに表示される6桁の数字",
  confirm: "設定を完了する",
  confirming: "確認中…",
  enabled: "2段階認証を設定しました。",
  // Recovery codes, shown once
  recoveryTitle: "回復コード",
  recoveryHelp:
    "認証アプリを使えなくなったときは、認証コードの代わりに回復コードでログインできます。各コードは1回だけ使えます。このコードは二度と表示されません。印刷するか、パスワードマネージャーなど安全な場所に保管してください。",
  continue: "管理画面へ進む",
  // Disabling
  disableTitle: "2段階認証を無効にする",
  disableHelp: "無効にするには、認証アプリの現在のコードまたはパスワードを入力してください。認証アプリを新しい端末に移す場合は、いったん無効にしてから設定し直してください。",
  proof: "認証コードまたはパスワード",
  disable: "無効にする",
  disabling: "処理中…",
  disabled: "2段階認証を無効にしました。",
  // Challenge after the password
  challengeTitle: "2段階認証",
  challengeHelp: "認証アプリに表示されている6桁のコードを入力してください。",
  challengeCode: "認証コードまたは回復コード",
  challengeHint: "認証アプリを使えない場合は、回復コード（例：k3m9x-2q7zt）を入力できます。",
  verify: "確認する",
  verifying: "確認中…",
  // Errors
  invalidCode: "認証コードが正しくありません。",
  replayedCode: "この認証コードはすでに使用されています。次のコードが表示されるまでお待ちください。",
  invalidProof: "認証コードまたはパスワードが正しくありません。",
  tooManyAttempts: "認証コードの試行回数が多すぎます。しばらくしてから再度お試しください。",
  notPending: "設定を完了できませんでした。ページを再読み込みして、もう一度お試しください。",
  notEnabled: "2段階認証は設定されていません。",
};
