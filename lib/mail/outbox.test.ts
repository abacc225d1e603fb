import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMails, queueMail } from "@/lib/mail/outbox";
import { createSmtpTransport, smtpOptions } from "@/lib/mail/transport";
import { createTestDb, type TestDb } from "@/test/support/db";

/** Just enough SMTP (RFC 5321) for nodemailer: records each message's envelope and data. */
function fakeSmtp(): Promise<{ port: number; messages: { from: string; to: string[]; data: string }[]; close(): Promise<void> }> {
  const messages: { from: string; to: string[]; data: string }[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "" };
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "MAIL") current.from = line;
        if (cmd === "RCPT") current.to.push(line);
        if (cmd === "DATA") inData = true;
        if (cmd === "QUIT") socket.end("221 bye\r\n");
        else socket.write(cmd === "DATA" ? "354 go\r\n" : "250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: (server.address() as AddressInfo).port, messages, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const message = { kind: "order_received", orderId: null, to: "taro@example.com", subject: "ご注文を受け付けました", body: "山田 太郎 様\nありがとうございます。" };

describe("outbox", () => {
  it("keeps e-mails unsent when no SMTP server is configured", async () => {
    const id = await queueMail(t.db, message);
    await deliverMails(t.db, [id], null);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ sentAt: null, error: null, to: "taro@example.com" });
  });

  it("sends through SMTP and marks the row sent, once", async () => {
    const smtp = await fakeSmtp();
    try {
      const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
      const id = await queueMail(t.db, message);
      await deliverMails(t.db, [id], transport);
      await deliverMails(t.db, [id], transport);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]!.to).toEqual(["RCPT TO:<taro@example.com>"]);
      expect(smtp.messages[0]!.data).toMatch(/^Subject: =\?UTF-8\?/m);
      const row = await t.db.emailMessage.findUniqueOrThrow({ where: { id } });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row.error).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("records a delivery failure on the row and never throws", async () => {
    const smtp = await fakeSmtp();
    await smtp.close(); // nothing listens on that port any more
    const id = await queueMail(t.db, message);
    await deliverMails(t.db, [id], createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`));
    const row = await t.db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
  });

  it("reads credentials from the SMTP URL", () => {
    expect(smtpOptions("smtps://user%40x:p%40ss@mail.example.com")).toMatchObject({ host: "mail.example.com", port: 465, secure: true, auth: { user: "user@x", pass: "p@ss" } });
    expect(smtpOptions("smtp://mail.example.com:2525")).toMatchObject({ port: 2525, secure: false, auth: undefined });
  });
});
