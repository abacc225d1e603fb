// Fuzzing the public surface (the hardening issue): every route handler under app/api, the pages that
// take parameters, and every server action of the build, sent hostile input — random bytes, huge and
// invalid-UTF-8 strings, malformed percent-encoding, NUL, wrong content types, duplicated parameters,
// arrays and objects where strings are expected, out-of-range numbers, garbled server-action bodies.
// Every answer must be below 500 with no internals in its body (stack frames, source paths, error
// class names), and the refused requests must change nothing: the row counts of the tables that hold
// orders, payments, carts, users and mail are the same afterwards (throttle counters may grow, bounded).
//
// Deterministic for one seed: the seed is printed; FUZZ_SEED=<n> replays a run, FUZZ_CASES=<n> sets
// the cases per target (default 10; the whole spec stays under a minute).
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { withDb } from "./e2e-db";
import { expect, test } from "./fixtures";
import { deepJson, dirtyAnswer, enc, fuzzSeed, GUARDED_TABLES, leakIn, NOT_GROWING_TABLES, hostileQuery, hostileSegment, hostileString, hostileValue, prng, rowCounts, serverActions, type Rng } from "./fuzz-support";

const SEED = fuzzSeed();
const CASES = Math.max(1, Number(process.env.FUZZ_CASES) || 10);
/** Throttle counters are the one table a stream of refused requests may grow (one row per key and window). */
const THROTTLE_GROWTH_MAX = 200;

test.beforeAll(() => {
  console.log(`[fuzz] seed ${SEED}, ${CASES} cases per target (replay: FUZZ_SEED=${SEED})`);
});

type Sent = { what: string; response: APIResponse };
type Case = (rng: Rng, request: APIRequestContext) => Promise<Sent>;

const ORIGIN = () => new URL(process.env.E2E_BASE_URL!).origin;

async function send(request: APIRequestContext, method: string, url: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Sent> {
  const response = await request.fetch(url, { method, headers: options.headers, data: options.body, failOnStatusCode: false, maxRedirects: 0, timeout: 20_000 });
  const shown = options.body === undefined ? "" : ` body(${options.body.length}) ${JSON.stringify(String(options.body).slice(0, 80))}`;
  return { what: `${method} ${url.slice(0, 160)}${options.headers?.["content-type"] ? ` [${options.headers["content-type"]}]` : ""}${shown}`, response };
}

/** Runs `cases` of each target, each with its own PRNG stream from the run's seed; returns the dirty answers. */
async function fuzz(request: APIRequestContext, targets: Record<string, Case>, cases = CASES): Promise<string[]> {
  const failures: string[] = [];
  let n = 0;
  for (const [name, target] of Object.entries(targets)) {
    const rng = prng(SEED + ++n * 7919);
    for (let i = 0; i < cases; i++) {
      const { what, response } = await target(rng, request);
      const dirty = await dirtyAnswer(response);
      if (dirty) failures.push(`${name} #${i}: ${what} → ${dirty}`);
    }
  }
  return failures;
}

/**
 * Runs `fn`, then checks the guarded tables kept their row counts — but for `bounded` ones, which may
 * grow by at most the given number of rows.
 */
async function changesNothing(fn: () => Promise<void>, bounded: Partial<Record<(typeof GUARDED_TABLES)[number], number>> = {}): Promise<void> {
  const before = await withDb(rowCounts);
  await fn();
  const after = await withDb(rowCounts);
  for (const table of GUARDED_TABLES) {
    const limit = bounded[table];
    if (limit === undefined) expect(after[table], `${table} rows`).toBe(before[table]);
    else expect(after[table]! - before[table]!, `${table} rows added`).toBeLessThanOrEqual(limit);
  }
  for (const table of NOT_GROWING_TABLES) expect(after[table], `${table} rows`).toBeLessThanOrEqual(before[table]!);
  expect(after.throttleCounter! - before.throttleCounter!, "throttle counter rows added").toBeLessThanOrEqual(THROTTLE_GROWTH_MAX);
}

const CONTENT_TYPES = ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=Shift_JIS", "application/json", "text/plain", "multipart/form-data; boundary=zz", "multipart/form-data", "application/xml", "application/octet-stream", "", "application/csp-report", "application/reports+json"];

/** A body of one of many shapes: form, JSON of hostile values, random bytes, huge, broken multipart. */
function hostileBody(rng: Rng, fields: readonly string[]): { contentType: string; body: string | Buffer } {
  const contentType = rng.pick(CONTENT_TYPES);
  switch (rng.int(0, 5)) {
    case 0:
      return { contentType, body: hostileQuery(rng, fields) };
    case 1:
      return { contentType, body: JSON.stringify(hostileValue(rng)) ?? "null" };
    case 2:
      return { contentType, body: Buffer.from(Array.from({ length: rng.int(1, 4096) }, () => rng.int(0, 255))) };
    case 3:
      return { contentType, body: "x=" + "A".repeat(rng.int(64 * 1024, 1_200_000)) };
    case 4:
      return { contentType: "multipart/form-data; boundary=zz", body: `--zz\r\nContent-Disposition: form-data; name="${hostileString(rng, 20)}"\r\n\r\n${hostileString(rng, 200)}${rng.pick(["\r\n--zz--\r\n", "", "\r\n--z"])}` };
    default:
      return { contentType, body: fields.map((f) => `${f}=${enc(hostileString(rng, 300))}&${f}=${rng.pick(["%E0%A4%A", "%00", "1"])}`).join("&") };
  }
}

const NOTIFICATION_FIELDS = ["TransactionId", "TransactionDate", "MerchantId", "MerchantFree1", "MerchantFree2", "MerchantFree3", "ProcessId", "ProcessPass", "RecvNum", "NyukinDate", "CvsCd", "Amount", "HashCd", "OperateId", "ResponseCd"];

test("route handlers answer hostile requests with a clean 4xx and change nothing", async ({ request }) => {
  test.setTimeout(120_000);
  await changesNothing(async () => {
    const failures = await fuzz(request, {
      notification: async (rng, r) => {
        const { contentType, body } = hostileBody(rng, NOTIFICATION_FIELDS);
        return send(r, rng.pick(["POST", "POST", "GET", "PUT"]), `/api/escott/notification${rng.int(0, 2) === 0 ? `?${hostileQuery(rng, NOTIFICATION_FIELDS)}` : ""}`, { headers: { "content-type": contentType }, body });
      },
      threeDSecure: async (rng, r) => {
        const { contentType, body } = hostileBody(rng, ["EncryptValue", "MerchantId"]);
        return rng.int(0, 2) === 0 ? send(r, "GET", `/api/escott/3ds?${hostileQuery(rng, ["EncryptValue"])}`) : send(r, "POST", "/api/escott/3ds", { headers: { "content-type": contentType }, body });
      },
      gatewayEndpoint: async (rng, r) => {
        const gateway = rng.pick(["card", "cvs", hostileSegment(rng)]);
        const endpoint = rng.pick(["3ds", "notification", hostileSegment(rng)]);
        const { contentType, body } = hostileBody(rng, ["EncryptValue"]);
        return send(r, rng.pick(["GET", "POST", "DELETE"]), `/api/payments/${gateway}/${endpoint}`, { headers: { "content-type": contentType }, body });
      },
      cspReport: async (rng, r) => {
        const { contentType, body } = hostileBody(rng, ["csp-report"]);
        const report = rng.int(0, 2) === 0 ? JSON.stringify({ "csp-report": hostileValue(rng) }) : body;
        return send(r, "POST", "/api/csp-report", { headers: { "content-type": rng.pick(["application/csp-report", "application/reports+json", contentType]) }, body: report });
      },
      health: async (rng, r) => send(r, rng.pick(["GET", "POST", "HEAD"]), `/api/health?${hostileQuery(rng, ["db"])}`),
    });
    expect(failures).toEqual([]);
    // Refused notifications and 3-D Secure returns leave one sampled PaymentLog row per reason per
    // minute (lib/security/rejections.ts: the admin sees what was posted), whatever their number.
  }, { paymentLog: 12 });
});

test("next-auth's routes answer hostile requests with a clean 4xx and change nothing", async ({ request }) => {
  test.setTimeout(120_000);
  await changesNothing(async () => {
    const actions = ["session", "csrf", "providers", "signin", "signin/credentials", "callback/credentials", "signout", "error", "_log"];
    const failures = await fuzz(request, {
      authGet: async (rng, r) => send(r, "GET", `/api/auth/${rng.pick([...actions, hostileSegment(rng)])}?${hostileQuery(rng, ["callbackUrl", "error", "csrf"])}`),
      authPost: async (rng, r) => {
        const { contentType, body } = hostileBody(rng, ["email", "password", "csrfToken", "callbackUrl", "json"]);
        return send(r, "POST", `/api/auth/${rng.pick([...actions, `${hostileSegment(rng)}/${hostileSegment(rng)}`])}`, { headers: { "content-type": contentType }, body });
      },
      hugeCallback: async (rng, r) => {
        const csrf = await r.get("/api/auth/csrf").then((res) => res.json() as Promise<{ csrfToken: string }>);
        const callbackUrl = rng.pick([`/${"a".repeat(rng.int(3000, 60_000))}`, "https://evil.example/", `//evil.example/${hostileSegment(rng)}`, hostileString(rng, 5000)]);
        const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email: `${hostileString(rng, 40)}@example.com`, password: hostileString(rng, 300), callbackUrl, json: "true" }).toString();
        return send(r, "POST", "/api/auth/callback/credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      },
    });
    expect(failures).toEqual([]);
  });
});

test("pages with parameters answer hostile ones with a clean 4xx or the page, and change nothing", async ({ request }) => {
  test.setTimeout(120_000);
  await changesNothing(async () => {
    const failures = await fuzz(request, {
      order: async (rng, r) => send(r, "GET", `/order/${rng.pick([hostileSegment(rng), String(rng.int(-5, 2 ** 31)), "1e309", "0x10"])}?${hostileQuery(rng, ["key", "key", "payment"])}`),
      product: async (rng, r) => send(r, "GET", `/products/${hostileSegment(rng)}?${hostileQuery(rng, ["quantity"])}`),
      resetPassword: async (rng, r) => send(r, "GET", `/reset-password/${hostileSegment(rng)}`),
      setup: async (rng, r) => send(r, "GET", `/setup/${hostileSegment(rng)}`),
      verifyEmail: async (rng, r) => send(r, "GET", `/verify-email/${hostileSegment(rng)}`),
      checkout: async (rng, r) => send(r, "GET", `/checkout?${hostileQuery(rng, ["payment", "error", "order"])}`),
      cart: async (rng, r) => send(r, "GET", `/cart?${hostileQuery(rng, ["productId"])}`),
      login: async (rng, r) => send(r, "GET", `/login?${hostileQuery(rng, ["next", "error", "callbackUrl"])}`),
      rawPath: async (rng, r) => send(r, rng.pick(["GET", "POST"]), `/${rng.pick(["products", "order", "reset-password", "api/health", "cart"])}/${rng.pick(["%E0%A4%A", "%", "%zz", "%C3%28", "a%2"])}`),
    });
    expect(failures).toEqual([]);
  });
});

test("a path that is not valid percent-encoding is 400 (scripts/serve.mjs), not 500", async ({ request }) => {
  for (const path of ["/products/%E0%A4%A", "/reset-password/%", "/%C3%28", "/api/health/%zz"]) {
    const res = await request.get(path, { failOnStatusCode: false });
    expect(res.status(), path).toBe(400);
  }
});

test("a broken multipart form posted without Next-Action is 400 wherever it goes (proxy.ts), not Next.js's 500", async ({ request }) => {
  await changesNothing(async () => {
    // Pages, a path no route handler answers (the not-found page) and one that only looks like a route.
    for (const path of ["/cart", "/no-such-page", "/api/no-such-route", "/api/payments/%2e%2e/3ds"]) {
      for (const [contentType, body] of [
        ["multipart/form-data", "x=" + "A".repeat(186_630)],
        ["multipart/form-data; boundary=zz", '--zz\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc'],
      ] as const) {
        const res = await request.post(path, { headers: { "content-type": contentType }, data: body, failOnStatusCode: false, maxRedirects: 0 });
        expect(res.status(), `${path} ${contentType}`).toBe(400);
        expect(await dirtyAnswer(res), path).toBeNull();
      }
    }
  });
});

// ---- Server actions: POST to a page with a Next-Action header, as React does, but hand-made. ----

const actionHeaders = (id: string, contentType = "text/plain;charset=UTF-8", extra: Record<string, string> = {}) => ({ "next-action": id, "content-type": contentType, accept: "text/x-component", ...extra });

test("server-action requests Next.js could not decode are refused before it reads them (4xx), and change nothing", async ({ request }) => {
  test.setTimeout(120_000);
  const actions = serverActions();
  expect(actions.length, "server actions in the build").toBeGreaterThan(10);
  await changesNothing(async () => {
    const [action] = actions.filter((a) => a.name.includes("addToCartAction")).concat(actions);
    const post = (body: string | Buffer, contentType?: string, extra?: Record<string, string>) =>
      request.post(action!.page, { headers: actionHeaders(action!.id, contentType, extra), data: body, failOnStatusCode: false, maxRedirects: 0 });
    // Each malformation, with the status the guard gives it (proxy.ts, lib/security/action-guard.ts).
    const expected: Array<[string, Promise<APIResponse>, number]> = [
      ["not JSON", post("productId=1&quantity=2"), 400],
      ["byte-order mark", post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[null,"x"]')])), 400],
      ["invalid UTF-8", post(Buffer.from([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d])), 400],
      ["JSON 65 levels deep", post(deepJson(65)), 400],
      ["JSON 10 000 levels deep", post(deepJson(10_000)), 400],
      ["broken multipart", post("--zz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", "multipart/form-data; boundary=zz"), 400],
      ["multipart without boundary", post("x", "multipart/form-data"), 400],
      ["reference to a missing part", post('["$@7"]'), 400],
      ["over 1 MB", post(`["${"a".repeat(1024 * 1024 + 10)}"]`), 413],
      ["foreign Origin", post("[]", undefined, { origin: "https://evil.example" }), 403],
      ["null Origin", post("[]", undefined, { origin: "null" }), 403],
      ["another content type", post("{}", "application/json"), 415],
    ];
    for (const [what, pending, status] of expected) {
      const res = await pending;
      expect(res.status(), what).toBe(status);
      expect(await dirtyAnswer(res), what).toBeNull();
    }
    // The shop's own origin is not refused by the guard.
    const same = await post("[]", undefined, { origin: ORIGIN() });
    expect(same.status()).toBeLessThan(500);
  });
});

/** What a hand-made action call may carry: JSON arguments of hostile values, or a multipart reply. */
function actionCall(rng: Rng, id: string): { contentType: string; body: string | Buffer; headers?: Record<string, string> } {
  switch (rng.int(0, 6)) {
    case 0:
      // (prevState, formData) with anything in place of the form
      return { contentType: "text/plain;charset=UTF-8", body: JSON.stringify([hostileValue(rng), hostileValue(rng)]) };
    case 1:
      return { contentType: "text/plain;charset=UTF-8", body: JSON.stringify(Array.from({ length: rng.int(0, 5) }, () => hostileValue(rng))) };
    case 2:
      return { contentType: "text/plain;charset=UTF-8", body: JSON.stringify(hostileValue(rng)) };
    case 3: {
      // A real-looking form: "$K1" is a FormData made of the "1_…" parts
      const fields = ["productId", "quantity", "locale", "orderId", "note", "status", "expected", "gateway", "operation", "userId", "confirm", "title", "merchantId"];
      const parts = Array.from({ length: rng.int(0, 6) }, () => [`1_${rng.pick(fields)}`, hostileString(rng, 300)] as const);
      const root = rng.pick(['["$undefined","$K1"]', '["$K1"]', '[null,"$K1"]', '[{},"$K1",1]']);
      const body = [...parts, ["0", root] as const].map(([name, value]) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "--zz--\r\n";
      return { contentType: "multipart/form-data; boundary=zz", body };
    }
    case 4:
      return { contentType: rng.pick(["text/plain;charset=UTF-8", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded", ""]), body: Buffer.from(Array.from({ length: rng.int(1, 2048) }, () => rng.int(0, 255))) };
    case 5:
      return { contentType: "text/plain;charset=UTF-8", body: JSON.stringify([hostileValue(rng)]), headers: { "next-action": rng.pick([hostileString(rng, 60).replace(/[^\x20-\x7e]/g, "") || "x", "0".repeat(42), id.slice(0, -1) + "f", ""]) } };
    default:
      return { contentType: "text/plain;charset=UTF-8", body: rng.pick([deepJson(rng.int(65, 5000)), "\uFEFF[]", `["${"x".repeat(1024 * 1024)}"]`, "[", '["$Q1"]', '["$B1"]', '["$n' + "9".repeat(400) + '"]']) };
  }
}

test("every server action answers hand-made calls with hostile arguments without a 500 or internals, and changes nothing", async ({ request }) => {
  test.setTimeout(180_000);
  const actions = serverActions();
  await changesNothing(async () => {
    const targets: Record<string, Case> = {};
    for (const action of actions) {
      targets[`${action.name} (${action.page})`] = async (rng, r) => {
        const call = actionCall(rng, action.id);
        return send(r, "POST", `${action.page}${rng.int(0, 3) === 0 ? `?${hostileQuery(rng, ["next"])}` : ""}`, { headers: { ...actionHeaders(action.id, call.contentType), ...call.headers }, body: call.body });
      };
    }
    const failures = await fuzz(request, targets, Math.max(3, Math.ceil(CASES / 2)));
    expect(failures).toEqual([]);
  });
});

// The one class of 500 we tolerate, kept out of the assertions above: a multipart reply whose React Flight
// references all point at parts that exist (so lib/security/action-guard.ts lets it through), but at the
// wrong thing — a server reference (`$h`) naming no action, a path (`$1:a:b`) into a part that lacks it, a
// Map (`$Q`) from a part that is not a list of pairs. React's decoder throws inside Next.js, before any of
// our code runs; telling these apart from a real reply would mean re-implementing the decoder. What we
// require: no internals in the answer (Next.js sends only an error digest), and nothing changed.
test("framework-level: well-formed action replies with unresolvable Flight references may fail inside Next.js, without internals and changing nothing", async ({ request }) => {
  const [action] = serverActions().filter((a) => a.name.includes("addToCartAction"));
  expect(action, "addToCartAction in the build").toBeTruthy();
  const multipart = (parts: Record<string, string>) => Object.entries(parts).map(([name, value]) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "--zz--\r\n";
  const bodies = [
    multipart({ "1": '{"id":"0000000000000000000000000000000000000000","bound":null}', "0": '["$h1"]' }),
    multipart({ "1": '{"a":1}', "0": '[null,"$1:b:c:d"]' }),
    multipart({ "1": '"not a list"', "0": '[null,"$Q1"]' }),
  ];
  await changesNothing(async () => {
    const statuses: number[] = [];
    for (const body of bodies) {
      const res = await request.post(action!.page, { headers: actionHeaders(action!.id, "multipart/form-data; boundary=zz"), data: body, failOnStatusCode: false, maxRedirects: 0, timeout: 20_000 });
      statuses.push(res.status());
      expect(res.status() === 500 || res.status() < 500, `status ${res.status()}`).toBe(true);
      expect(leakIn(await res.text()), "internals in the answer").toBeNull();
    }
    console.log(`[fuzz] framework-level Flight references: statuses ${statuses.join(", ")}`);
  });
});
