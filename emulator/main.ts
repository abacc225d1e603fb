// CLI entry: `npm run emulator` / `npx tsx emulator/main.ts`. Configuration comes from EMULATOR_* variables (README).
import { TEST_CARD_LIST } from "./cards";
import { ConfigError } from "./config";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let emulator;
  try {
    emulator = await startEmulator();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(`e-SCOTT emulator: port already in use (${(e as Error).message}); set EMULATOR_PORT (0 = any free port)`);
      process.exit(1);
    }
    throw e;
  }

  const { config } = emulator;
  console.log(`e-SCOTT Smart emulator listening on ${emulator.url} (browser URL ${emulator.publicUrl})`);
  console.log(`  operator page   ${emulator.publicUrl}/`);
  console.log(`  card merchant   MerchantId=${config.card.merchantId} TenantId=${config.card.tenantId} k_TokenNinsyoCode=${config.card.tokenAuthCode}`);
  console.log(`  CVS merchant    MerchantId=${config.cvs.merchantId}`);
  console.log(`  notifications → ${config.notifyUrl}`);
  if (config.stateFile) console.log(`  state file      ${config.stateFile}`);
  console.log("  test cards (expiry MM/YY, security code):");
  for (const card of TEST_CARD_LIST) {
    console.log(`    ${card.number.padEnd(17)} ${card.expMM}/${card.expYY} ${card.secCd.padEnd(5)} ${card.brand.padEnd(7)} ${card.description}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the e-SCOTT emulator`);
    emulator
      .close()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
