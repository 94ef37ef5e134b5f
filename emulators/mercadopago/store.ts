/**
 * In-memory state of the emulator, optionally mirrored to a JSON file (written atomically, a few
 * milliseconds after each change) so it survives a restart of `npm run dev`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type {
  FaultRule,
  IdempotencyEntry,
  MerchantOrderRecord,
  NotificationRecord,
  PaymentRecord,
  PreferenceRecord,
  RefundRecord,
  RequestLogEntry,
} from "./types";

type CounterName = "payment" | "merchantOrder" | "refund" | "notification" | "request" | "fault";

interface Snapshot {
  version: 1;
  counters: Record<CounterName, number>;
  preferences: PreferenceRecord[];
  payments: PaymentRecord[];
  merchantOrders: MerchantOrderRecord[];
  notifications: NotificationRecord[];
  requests: RequestLogEntry[];
  idempotency: Record<string, IdempotencyEntry>;
}

const MAX_REQUESTS = 1000;

/**
 * Ids look like Mercado Pago's (numeric, 10-11 digits) and start from the clock, so a restart
 * without a state file does not hand out ids an app may already have stored.
 */
function initialCounters(): Record<CounterName, number> {
  const clock = Math.floor(Date.now() / 100) % 9_000_000_000;
  return {
    payment: 10_000_000_000 + clock,
    merchantOrder: 20_000_000_000 + clock,
    refund: 1_000_000_000 + (clock % 999_000_000),
    notification: 100_000_000_000 + clock,
    request: 0,
    fault: 0,
  };
}

export class EmulatorStore {
  readonly preferences = new Map<string, PreferenceRecord>();
  readonly payments = new Map<number, PaymentRecord>();
  readonly merchantOrders = new Map<number, MerchantOrderRecord>();
  readonly idempotency = new Map<string, IdempotencyEntry>();
  notifications: NotificationRecord[] = [];
  requests: RequestLogEntry[] = [];
  /** Fault injection rules are not persisted: they are meant for the next few calls only. */
  faults: FaultRule[] = [];
  private counters = initialCounters();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file?: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    if (file && existsSync(file)) this.load(file);
  }

  nextId(name: CounterName): number {
    this.counters[name] += 1;
    return this.counters[name];
  }

  allRefunds(): RefundRecord[] {
    return [...this.payments.values()].flatMap((payment) => payment.refunds);
  }

  addRequest(entry: Omit<RequestLogEntry, "seq">): void {
    this.requests.push({ seq: this.nextId("request"), ...entry });
    if (this.requests.length > MAX_REQUESTS) this.requests.splice(0, this.requests.length - MAX_REQUESTS);
    this.changed();
  }

  /** Clears every record (the configuration and the id counters are kept). */
  reset(): void {
    this.preferences.clear();
    this.payments.clear();
    this.merchantOrders.clear();
    this.idempotency.clear();
    this.notifications = [];
    this.requests = [];
    this.faults = [];
    this.changed();
  }

  snapshot(): Snapshot {
    return {
      version: 1,
      counters: { ...this.counters },
      preferences: [...this.preferences.values()],
      payments: [...this.payments.values()],
      merchantOrders: [...this.merchantOrders.values()],
      notifications: this.notifications,
      requests: this.requests,
      idempotency: Object.fromEntries(this.idempotency),
    };
  }

  /** Marks the state as modified; the file (if any) is written shortly after. */
  changed(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, 20);
  }

  /** Writes pending changes now (used on close). */
  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.save();
    }
  }

  private save(): void {
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.snapshot()));
      renameSync(tmp, this.file);
    } catch (error) {
      this.log(`could not write state file ${this.file}: ${String(error)}`);
    }
  }

  private load(file: string): void {
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Snapshot>;
      if (data.version !== 1) throw new Error(`unsupported state version ${String(data.version)}`);
      for (const key of Object.keys(this.counters) as CounterName[]) {
        const saved = data.counters?.[key];
        if (typeof saved === "number" && saved > this.counters[key]) this.counters[key] = saved;
      }
      for (const pref of data.preferences ?? []) this.preferences.set(pref.id, pref);
      for (const payment of data.payments ?? []) this.payments.set(payment.id, payment);
      for (const order of data.merchantOrders ?? []) this.merchantOrders.set(order.id, order);
      for (const [key, entry] of Object.entries(data.idempotency ?? {})) this.idempotency.set(key, entry);
      this.notifications = data.notifications ?? [];
      this.requests = data.requests ?? [];
      this.log(`loaded state from ${file}`);
    } catch (error) {
      this.log(`ignoring unreadable state file ${file}: ${String(error)}`);
    }
  }
}
