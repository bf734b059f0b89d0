import 'server-only';
import pg from 'pg';
import { FRONT_DESK_CHANNEL } from '@/db/queries/front-desk';
import { env, requireDatabaseUrl } from '@/lib/env';
import { logFor } from '@/lib/log/logger';

const log = logFor('front-desk');

type Listener = (locationId: number) => void;

/**
 * One LISTEN connection per app instance (a session connection, never a pooled one), fanned out in memory to
 * every open event stream of this instance. It reconnects with backoff after PostgreSQL or the network went
 * away, and then tells every listener to send its current state, so missed notifications do not matter.
 */
class FrontDeskFeed {
  private listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private connecting = false;
  private retryMs = 250;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.closed = false;
    void this.connect();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Whether the LISTEN connection is up (for tests and health). */
  get connected() {
    return this.client !== null;
  }

  private emit(locationId: number) {
    for (const listener of this.listeners) {
      try {
        listener(locationId);
      } catch (error) {
        log.error({ cause: error instanceof Error ? error.message : String(error) }, 'listener failed');
      }
    }
  }

  private async connect() {
    if (this.client || this.connecting || this.closed) return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    const lost = (error?: Error) => {
      if (this.client !== client && !this.connecting) return;
      if (error) log.warn({ cause: error.message }, 'LISTEN connection lost');
      this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      const locationId = Number(message.payload);
      if (Number.isInteger(locationId)) this.emit(locationId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${FRONT_DESK_CHANNEL}`);
      this.client = client;
      this.connecting = false;
      const reconnected = this.retryMs > 250;
      this.retryMs = 250;
      // After a reconnect, every stream sends its office's state again (-1: all offices).
      if (reconnected) this.emit(-1);
    } catch (error) {
      this.connecting = false;
      client.removeAllListeners();
      client.on('error', () => {});
      client.end().catch(() => {});
      log.warn({ cause: error instanceof Error ? error.message : String(error) }, 'LISTEN connect failed');
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect() {
    if (this.timer || this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
    this.timer.unref?.();
  }

  async close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const globalForFeed = globalThis as unknown as { amtsterminFrontDeskFeed?: FrontDeskFeed };

/** This instance's feed of waiting-room changes. */
export function frontDeskFeed(): FrontDeskFeed {
  globalForFeed.amtsterminFrontDeskFeed ??= new FrontDeskFeed(env.DATABASE_DIRECT_URL ?? requireDatabaseUrl());
  return globalForFeed.amtsterminFrontDeskFeed;
}

export async function closeFrontDeskFeed() {
  await globalForFeed.amtsterminFrontDeskFeed?.close();
  globalForFeed.amtsterminFrontDeskFeed = undefined;
}
