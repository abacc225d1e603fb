// Where the browsers' Content-Security-Policy violation reports are kept (PCI DSS 11.6.1: the admin
// dashboard alerts on them), shared by every instance: one CspViolation row per page, blocked
// resource and directive, with a count and when it was first and last seen. Anyone can post
// reports, so the table is bounded: a new kind of violation beyond CSP_VIOLATIONS_KEPT drops the
// least recently seen ones; a repeated one only increments its count.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { CspReport } from "@/lib/security/csp";

export const CSP_VIOLATIONS_KEPT = 200;

function signature(r: CspReport): string {
  return createHash("sha256").update(JSON.stringify([r.documentUrl, r.blockedUri, r.directive])).digest("base64url");
}

export async function recordCspReports(db: Db, reports: CspReport[], now = new Date()): Promise<void> {
  let added = false;
  for (const r of reports) {
    const row = await db.cspViolation.upsert({
      where: { signature: signature(r) },
      create: { signature: signature(r), ...r, count: 1, firstSeenAt: now, lastSeenAt: now },
      update: { count: { increment: 1 }, lastSeenAt: now, disposition: r.disposition, sourceFile: r.sourceFile ?? null, line: r.line ?? null, sample: r.sample ?? null },
      select: { count: true },
    });
    if (row.count === 1) added = true;
  }
  if (!added) return;
  const surplus = await db.cspViolation.findMany({ orderBy: [{ lastSeenAt: "desc" }, { signature: "asc" }], skip: CSP_VIOLATIONS_KEPT, select: { signature: true } });
  if (surplus.length) await db.cspViolation.deleteMany({ where: { signature: { in: surplus.map((s) => s.signature) } } });
}

export interface CspViolationSeen extends CspReport {
  count: number;
  lastSeenAt: Date;
}

export interface CspReportSummary {
  /** Reports received in the window (a violation seen again counts again). */
  total: number;
  /** Violations seen in the window, most recently seen first. */
  recent: CspViolationSeen[];
}

export async function cspReportSummary(db: Db, now = new Date(), windowMs = 24 * 60 * 60 * 1000): Promise<CspReportSummary> {
  const rows = await db.cspViolation.findMany({
    where: { lastSeenAt: { gt: new Date(now.getTime() - windowMs) } },
    orderBy: { lastSeenAt: "desc" },
    take: CSP_VIOLATIONS_KEPT,
  });
  const recent = rows.map((r) => ({
    documentUrl: r.documentUrl,
    blockedUri: r.blockedUri,
    directive: r.directive,
    disposition: r.disposition,
    sourceFile: r.sourceFile ?? undefined,
    line: r.line ?? undefined,
    sample: r.sample ?? undefined,
    count: r.count,
    lastSeenAt: r.lastSeenAt,
  }));
  return { total: recent.reduce((n, r) => n + r.count, 0), recent };
}
