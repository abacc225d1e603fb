// Registration is throttled per IP address (lib/security/throttle.ts): creating accounts in bulk
// (for card testing with saved cards, or to fill the database) is refused after this many an hour.
import type { ThrottleRule } from "@/lib/security/throttle";

export const REGISTER_IP: ThrottleRule = { name: "register-ip", limit: 20, windowMs: 60 * 60_000 };
