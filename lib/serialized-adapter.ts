// better-sqlite3 gives Prisma one connection. The adapter serialises transactions, but a plain
// query issued by another request while a transaction is open runs on that same connection —
// inside the transaction: it sees uncommitted rows and its writes vanish if the transaction
// rolls back. This wrapper makes plain queries wait while a transaction is open, so every
// request sees either before or after another's transaction, never the middle of it.
//
// Consequence: code inside `db.$transaction(async (tx) => …)` must use `tx`, not the global
// client — a global query there would wait for its own transaction (Prisma's transaction
// timeout then ends it with an error instead of silently mixing the two).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  const wrapped: Partial<SqlDriverAdapter> = {
    queryRaw: (query) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (err) {
        release();
        throw err;
      }
      let released = false;
      const done = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      return new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop === "commit" || prop === "rollback") {
            return async () => {
              try {
                await target[prop]();
              } finally {
                done();
              }
            };
          }
          const value = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop in wrapped) return wrapped[prop as keyof SqlDriverAdapter];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function serializedAdapterFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => serialize(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
