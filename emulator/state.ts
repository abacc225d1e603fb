// Everything the emulator remembers. Kept in memory; persistence.ts optionally mirrors it to a JSON file.
import { maskCardNo, type CardData } from "./cards";
import { parseYmdhm } from "./clock";

export interface TokenRecord {
  token: string;
  card: CardData;
  /** k_TokenNinsyoCode the script was loaded with; a wrong one makes the token unusable (KI1). */
  authCode: string;
  authCodeValid: boolean;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
  usedBy?: string;
  /** 認証アシスト items passed to spsvCreateToken (stored, not checked). */
  assist: Record<string, string>;
}

export interface OperationEntry {
  operateId: string;
  transactionId: string;
  responseCd: string;
  at: number;
  amount?: number;
  salesDate?: string;
}

/** AUTH = 与信, SALES = 売上 (captured), CANCEL = 取消, CHECK = カードチェック. */
export type CardStatus = "AUTH" | "SALES" | "CANCEL" | "CHECK";

export interface ThreeDSValues {
  SecureResultCode: string;
  MessageVersionNo3D: string;
  EncodeXId3D: string;
  TransactionStatus3D: string;
  CAVVAlgorithm3D?: string;
  CAVV3D?: string;
  ECI3D: string;
  DSTransactionId: string;
  ThreeDSServerTransactionId: string;
}

export interface CardTransaction {
  processId: string;
  processPass: string;
  masterOperateId: string;
  status: CardStatus;
  amount: number | undefined;
  payType: string | undefined;
  salesDate?: string;
  merchantFree1?: string;
  merchantFree2?: string;
  merchantFree3?: string;
  kaiinId?: string;
  card: CardData;
  companyCd: string;
  approveNo: string;
  /** Start of the authorization validity window (master or latest 1ReAuth). */
  authorizedAt: number;
  createdAt: number;
  token?: string;
  threeDS?: ThreeDSValues;
  history: OperationEntry[];
}

export type MemberStatus = "valid" | "invalid" | "deleted";

export interface MemberRecord {
  kaiinId: string;
  kaiinPass: string;
  card: CardData;
  status: MemberStatus;
  failedLogins: number;
  enableDate: string;
  createdAt: number;
  updatedAt: number;
  merchantFree3?: string;
  history: OperationEntry[];
}

export interface CvsPayment {
  nyukinDate: string;
  recvNum: string;
  cvsCd: string;
  transactionId: string;
  paidAt: number;
}

export interface CvsRegistration {
  processId: string;
  processPass: string;
  merchantFree1?: string;
  merchantFree2?: string;
  merchantFree3?: string;
  tenantId?: string;
  amount: number;
  payLimit: string;
  nameKanji: string;
  nameKana: string;
  telNo: string;
  shouhinName: string;
  returnUrl?: string;
  freeArea: string;
  /** Every FreeArea issued (2Add and each 2Chg); old payment links keep working. */
  freeAreas: string[];
  kessaiNumber: string;
  deleted: boolean;
  /** Set by the control API "expire" action regardless of PayLimit. */
  forcedExpired: boolean;
  payment?: CvsPayment;
  createdAt: number;
  history: OperationEntry[];
}

export interface NotificationAttempt {
  at: number;
  url: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface NotificationRecord {
  id: number;
  processId: string;
  merchantFree1?: string;
  reason: "payment" | "resend" | "duplicate";
  fields: Record<string, string>;
  state: "pending" | "delivered" | "failed";
  attempts: NotificationAttempt[];
  createdAt: number;
}

export interface ThreeDSRecord {
  values: ThreeDSValues;
  operateId: string;
  cardNo: string;
  merchantFree1?: string;
  createdAt: number;
  usedBy: string[];
}

/** A 3DS page waiting for the tester to pick the outcome. */
export interface TdsSession {
  id: string;
  plain: Record<string, string>;
  card: CardData;
  createdAt: number;
}

/** An SSNP005 link-page visit waiting for the card-entry form (memory only). */
export interface LinkSession {
  id: string;
  plain: Record<string, string>;
  createdAt: number;
}

export interface CallLogEntry {
  at: number;
  path: string;
  operateId?: string;
  responseCd?: string;
  merchantFree1?: string;
  transactionId?: string;
  fault?: string;
  slow?: boolean;
}

interface PersistedState {
  version: 1;
  transactionSeq: number;
  notificationSeq: number;
  clockOffsetMs: number;
  tokens: TokenRecord[];
  transactions: CardTransaction[];
  members: MemberRecord[];
  cvs: CvsRegistration[];
  notifications: NotificationRecord[];
  threeDS: ThreeDSRecord[];
  tdsSessions: TdsSession[];
  procNos: string[];
}

const CALL_LOG_LIMIT = 500;

export class EmulatorState {
  tokens = new Map<string, TokenRecord>();
  /** Card transactions by ProcessId. */
  transactions = new Map<string, CardTransaction>();
  members = new Map<string, MemberRecord>();
  /** CVS registrations by ProcessId. */
  cvs = new Map<string, CvsRegistration>();
  notifications: NotificationRecord[] = [];
  /** 3DS results by ThreeDSServerTransactionId. */
  threeDS = new Map<string, ThreeDSRecord>();
  tdsSessions = new Map<string, TdsSession>();
  linkSessions = new Map<string, LinkSession>();
  procNos = new Set<string>();
  /** Successful master requests by duplicate key → time (KBX); not persisted, 10 s only matter. */
  recentMasters = new Map<string, number>();
  /** SecureResultCode forced for the next 3DS page (control API). */
  nextSecureResultCode: string | undefined;
  transactionSeq = 0;
  notificationSeq = 0;
  clockOffsetMs = 0;
  calls: CallLogEntry[] = [];

  /** Called after every mutation (persistence hook). */
  onChange: (() => void) | undefined;

  changed(): void {
    this.onChange?.();
  }

  /** Numeric TransactionId, unique per call (13 digits like the public examples). */
  nextTransactionId(): string {
    this.transactionSeq += 1;
    return String(1_000_000_000_000 + this.transactionSeq);
  }

  logCall(entry: CallLogEntry): void {
    this.calls.push(entry);
    if (this.calls.length > CALL_LOG_LIMIT) this.calls.splice(0, this.calls.length - CALL_LOG_LIMIT);
  }

  findCvsByFreeArea(code: string): CvsRegistration | undefined {
    const trimmed = code.trim();
    for (const reg of this.cvs.values()) if (reg.freeAreas.includes(trimmed)) return reg;
    return undefined;
  }

  /** By FreeArea, else the latest registration with that MerchantFree1 (or ProcessId). */
  findCvs(key: string): CvsRegistration | undefined {
    const trimmed = key.trim();
    const byCode = this.findCvsByFreeArea(trimmed);
    if (byCode) return byCode;
    const byFree1 = [...this.cvs.values()].filter((reg) => reg.merchantFree1 === trimmed || reg.processId === trimmed);
    return byFree1[byFree1.length - 1];
  }

  reset(): void {
    const fresh = new EmulatorState();
    this.tokens = fresh.tokens;
    this.transactions = fresh.transactions;
    this.members = fresh.members;
    this.cvs = fresh.cvs;
    this.notifications = fresh.notifications;
    this.threeDS = fresh.threeDS;
    this.tdsSessions = fresh.tdsSessions;
    this.linkSessions = fresh.linkSessions;
    this.procNos = fresh.procNos;
    this.recentMasters = fresh.recentMasters;
    this.nextSecureResultCode = undefined;
    this.clockOffsetMs = 0;
    this.calls = [];
    // Sequences keep counting so TransactionIds stay unique across resets.
    this.changed();
  }

  toPersisted(): PersistedState {
    return {
      version: 1,
      transactionSeq: this.transactionSeq,
      notificationSeq: this.notificationSeq,
      clockOffsetMs: this.clockOffsetMs,
      tokens: [...this.tokens.values()],
      transactions: [...this.transactions.values()],
      members: [...this.members.values()],
      cvs: [...this.cvs.values()],
      notifications: this.notifications,
      threeDS: [...this.threeDS.values()],
      tdsSessions: [...this.tdsSessions.values()],
      procNos: [...this.procNos],
    };
  }

  restore(data: unknown): void {
    const d = data as Partial<PersistedState>;
    if (typeof d !== "object" || d === null || d.version !== 1) throw new Error("unsupported state file (expected version 1)");
    this.transactionSeq = d.transactionSeq ?? 0;
    this.notificationSeq = d.notificationSeq ?? 0;
    this.clockOffsetMs = d.clockOffsetMs ?? 0;
    this.tokens = new Map((d.tokens ?? []).map((t) => [t.token, t]));
    this.transactions = new Map((d.transactions ?? []).map((t) => [t.processId, t]));
    this.members = new Map((d.members ?? []).map((m) => [m.kaiinId, m]));
    this.cvs = new Map((d.cvs ?? []).map((c) => [c.processId, c]));
    this.notifications = d.notifications ?? [];
    this.threeDS = new Map((d.threeDS ?? []).map((r) => [r.values.ThreeDSServerTransactionId, r]));
    this.tdsSessions = new Map((d.tdsSessions ?? []).map((s) => [s.id, s]));
    this.procNos = new Set(d.procNos ?? []);
  }
}

// ---- public view (control API /_control/state and the operator page) -----------------------------------------

const maskCard = (card: CardData) => ({ cardNo: maskCardNo(card.cardNo), cardExp: `${card.expYY}${card.expMM}` });

export function tokenStatus(token: TokenRecord, now: number): "OK" | "KI1" | "KI2" | "KI3" {
  if (!token.authCodeValid) return "KI1";
  if (token.usedAt !== undefined) return "KI2";
  if (now > token.expiresAt) return "KI3";
  return "OK";
}

export type CvsStatus = "UNPAID" | "PAID" | "EXPIRED" | "DELETED";

/** Expired = unpaid and past PayLimit (JST, to the minute) or expired by the control API. */
export function cvsStatus(reg: CvsRegistration, now: number): CvsStatus {
  if (reg.deleted) return "DELETED";
  if (reg.payment) return "PAID";
  const limit = parseYmdhm(reg.payLimit);
  if (reg.forcedExpired || (limit !== undefined && now >= limit + 60_000)) return "EXPIRED";
  return "UNPAID";
}

export function snapshotTokens(state: EmulatorState, now: number) {
  return [...state.tokens.values()].map((t) => ({
    token: t.token,
    ...maskCard(t.card),
    status: tokenStatus(t, now),
    createdAt: new Date(t.createdAt).toISOString(),
    expiresAt: new Date(t.expiresAt).toISOString(),
    usedBy: t.usedBy,
  }));
}

export function snapshotTransactions(state: EmulatorState) {
  return [...state.transactions.values()].map((t) => ({
    processId: t.processId,
    masterOperateId: t.masterOperateId,
    status: t.status,
    operateIds: t.history.filter((h) => h.responseCd === "OK").map((h) => h.operateId),
    history: t.history,
    amount: t.amount,
    payType: t.payType,
    salesDate: t.salesDate,
    merchantFree1: t.merchantFree1,
    merchantFree2: t.merchantFree2,
    merchantFree3: t.merchantFree3,
    hasKaiinId: t.kaiinId !== undefined,
    kaiinId: t.kaiinId,
    ...maskCard(t.card),
    companyCd: t.companyCd,
    approveNo: t.approveNo,
    threeDS: t.threeDS,
    authorizedAt: new Date(t.authorizedAt).toISOString(),
  }));
}

export function snapshotMembers(state: EmulatorState) {
  return [...state.members.values()].map((m) => ({
    kaiinId: m.kaiinId,
    status: m.status,
    locked: m.failedLogins >= 5,
    failedLogins: m.failedLogins,
    ...maskCard(m.card),
    enableDate: m.enableDate,
    merchantFree3: m.merchantFree3,
    history: m.history,
  }));
}

export function snapshotCvs(state: EmulatorState, now: number) {
  return [...state.cvs.values()].map((r) => ({
    processId: r.processId,
    status: cvsStatus(r, now),
    merchantFree1: r.merchantFree1,
    merchantFree2: r.merchantFree2,
    merchantFree3: r.merchantFree3,
    amount: r.amount,
    payLimit: r.payLimit,
    nameKanji: r.nameKanji,
    nameKana: r.nameKana,
    telNo: r.telNo,
    shouhinName: r.shouhinName,
    returnUrl: r.returnUrl,
    freeArea: r.freeArea,
    kessaiNumber: r.kessaiNumber,
    payment: r.payment,
    operateIds: r.history.filter((h) => h.responseCd === "OK").map((h) => h.operateId),
    history: r.history,
  }));
}

export function snapshotState(state: EmulatorState, now: number) {
  return {
    now: new Date(now).toISOString(),
    clockOffsetMs: state.clockOffsetMs,
    nextSecureResultCode: state.nextSecureResultCode ?? null,
    transactions: snapshotTransactions(state),
    members: snapshotMembers(state),
    tokens: snapshotTokens(state, now),
    cvs: snapshotCvs(state, now),
    notifications: state.notifications,
    threeDS: [...state.threeDS.values()].map((r) => ({ ...r, cardNo: maskCardNo(r.cardNo) })),
    procNos: [...state.procNos],
    calls: state.calls,
  };
}

export type StateSnapshot = ReturnType<typeof snapshotState>;
