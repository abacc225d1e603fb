// Runs in the browser before the application's own modules (Next.js instrumentation-client).
// zod's jitless mode, without shipping zod to every page: see lib/security/zod-jitless.ts.
import { setZodJitless } from "@/lib/security/zod-jitless";

setZodJitless();
