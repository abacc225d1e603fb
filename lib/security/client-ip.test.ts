import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript (it runs under node alone), no type declarations
import { clientAddress } from "@/scripts/serve.mjs";
import { clientIp } from "@/lib/security/client-ip";

const address = clientAddress as (peer: string | undefined, forwardedFor: string | undefined, hops: number) => string;

describe("the client's address (scripts/serve.mjs)", () => {
  it("with no proxy trusted, is the connection's peer whatever X-Forwarded-For says (spoofing fails)", () => {
    expect(address("203.0.113.5", "1.2.3.4", 0)).toBe("203.0.113.5");
    expect(address("203.0.113.5", undefined, 0)).toBe("203.0.113.5");
  });

  it("behind one proxy, is what the proxy appended, not what the client wrote before it", () => {
    expect(address("10.0.0.2", "6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(address("10.0.0.2", "203.0.113.5", 1)).toBe("203.0.113.5");
  });

  it("behind two proxies, is the entry the outer proxy appended", () => {
    expect(address("10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    // A chain shorter than the hops (a proxy skipped): the leftmost entry.
    expect(address("10.0.0.3", "203.0.113.5", 2)).toBe("203.0.113.5");
  });
});

describe("clientIp (what the app reads)", () => {
  it("believes only the header serve.mjs sets, else the rightmost X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-shop-client-ip": "203.0.113.5", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.5");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" })).toBe("127.0.0.1");
    expect(clientIp({})).toBe("unknown");
    expect(clientIp({ "x-shop-client-ip": "x".repeat(500) })).toHaveLength(64);
  });
});
