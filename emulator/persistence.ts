// Optional JSON mirror of the state (EMULATOR_STATE_FILE) so a restarted emulator still knows the shop's
// transactions, members and registrations. Writes are coalesced and atomic (temp file + rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { EmulatorState } from "./state";

export class StatePersistence {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly state: EmulatorState,
    private readonly file: string,
  ) {}

  /** Load the file if it exists. A corrupt file is an error: silently starting empty would hide data loss. */
  load(): boolean {
    if (!existsSync(this.file)) return false;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.file, "utf8"));
    } catch (e) {
      throw new Error(`EMULATOR_STATE_FILE ${this.file} is not valid JSON (${(e as Error).message}); fix or delete it`);
    }
    try {
      this.state.restore(data);
    } catch (e) {
      throw new Error(`EMULATOR_STATE_FILE ${this.file}: ${(e as Error).message}`);
    }
    return true;
  }

  /** Hook into the state so every change schedules a write. */
  attach(): void {
    this.state.onChange = () => this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, 50);
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state.toPersisted(), null, 1));
    renameSync(temp, this.file);
  }

  detach(): void {
    this.state.onChange = undefined;
    this.flush();
  }
}
