// Public surface of the e-SCOTT Smart client. The app imports from "@/lib/escott" only; browser
// code imports "@/lib/escott/installments" (and may import codes/customer-messages/kana/cvs-stores).

export { createEscottClient, type EscottClient } from "./client";
export {
  EscottConfigError,
  DEFAULT_TIMEOUT_MS,
  type EscottConfig,
  type EscottMode,
  type CardCredentials,
  type CvsCredentials,
} from "./config";
export { NG_CODE, transactionIdIn, type EscottResult, type EscottSuccess, type EscottFailure, type NgReason } from "./result";
export { maskSecret, type EscottCallRecord, type CallOutcome } from "./log";
export { paymentPageUrl, ENDPOINT_PATHS, type PaymentPageRkbn, type EndpointKind } from "./hosts";

export type {
  CardApi,
  CardSource,
  AuthParams,
  AuthData,
  ProcessParams,
  CaptureParams,
  ChangeParams,
  ReAuthParams,
  ProcessData,
  SearchData,
} from "./card";
export {
  newKaiinCredentials,
  type MemberApi,
  type MemberParams,
  type MemberCardParams,
  type MemberData,
  type MemberReferenceData,
} from "./member";
export type { TokenApi, TokenSearchParams, TokenSearchData } from "./token";
export type {
  CvsApi,
  CvsAddParams,
  CvsAddData,
  CvsProcessParams,
  CvsChangeParams,
  CvsChangeData,
  CvsDeleteData,
  CvsReferenceData,
} from "./cvs";
export type {
  ThreeDSApi,
  ThreeDSCheckoutParams,
  ThreeDSMemberParams,
  ThreeDSForm,
  ThreeDSFormResult,
  ThreeDSReturn,
  ThreeDSReturnResult,
  ThreeDSReturnFailureReason,
  ThreeDSRefusal,
} from "./three-d-secure";
export { returnedValue as threeDSReturnedValue } from "./three-d-secure";
export {
  OPERATE_ID,
  CARD_CHECKOUT_OPERATIONS,
  MEMBER_REGISTRATIONS,
  RESPONSE_CODE,
  TOKEN_UNKNOWN_ERROR,
  tokenInputProblems,
  type TokenInputProblem,
  type OperateId,
  type CardCheckoutOperation,
  type MemberRegistration,
} from "./names";
export { THREE_DS_VALUE_FIELDS, type ThreeDSValues, type ThreeDSValueField } from "./three-d-secure-values";
export { encryptValue, decryptValue, type AesMaterial, type DecryptOutcome } from "./crypto";
export {
  verifyNotification,
  notificationHash,
  summarizeNotification,
  type NotificationSummary,
  REQUIRED_NOTIFICATION_FIELDS,
  type PaymentNotification,
  type NotificationVerification,
  type NotificationFailureReason,
} from "./notification";

export {
  CODE_CATALOG,
  CUSTOMER_CANCEL_CODES,
  describeCode,
  adminText,
  isCustomerCancel,
  type CodeEntry,
  type CodeDescription,
  type CustomerMessageGroup,
} from "./codes";
export {
  CUSTOMER_MESSAGES,
  PAYMENT_FAILED_MESSAGE,
  THREE_DS_FAILED_MESSAGE,
  THREE_DS_RETURN_FAILED_MESSAGE,
  MEMBER_MESSAGES,
  customerMessage,
  customerMessageGroup,
  type Locale,
  type LocalizedText,
} from "./customer-messages";
export {
  PAY_TYPES,
  INSTALLMENT_SETTINGS,
  CARD_BRAND_NAMES,
  installmentOptions,
  isAllowedPayType,
  isPayType,
  payTypeLabel,
  brandOf,
  type PayType,
  type InstallmentSetting,
  type CardBrand,
} from "./installments";
export { CVS_STORES, cvsStoreName } from "./cvs-stores";
export { toFullWidth, toFullWidthKatakana, shouhinName } from "./kana";
export {
  jstDate,
  jstMinute,
  payLimitFromDays,
  payLimitFromDate,
  isPayLimitPast,
  parseJstTimestamp,
} from "./dates";
export { encodeForm, decodeForm, splitResponseCodes, phpUrlEncode } from "./codec";
