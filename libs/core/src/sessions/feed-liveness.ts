/** How often a change feed's connection proves it is alive (a ping, or its own notification heard back). */
export const FEED_HEARTBEAT_MS = 1000;
/** Silence after which a feed counts as lost (a loaded machine may answer late). */
export const FEED_STALE_MS = 5000;

/**
 * Whether a change feed (SessionEvents' Redis subscription, DataChangeFeed's LISTEN connection) is
 * known to deliver: connected, and heard from within FEED_STALE_MS. A cache serves its entries only
 * while its feed is live.
 */
export class FeedLiveness {
  private up = false;
  private lastHeard = 0;

  get live(): boolean {
    return this.up && !this.silent;
  }

  /** Connected (whether or not heard from lately). */
  get connected(): boolean {
    return this.up;
  }

  /** Nothing heard for FEED_STALE_MS: the connection should be given up. */
  get silent(): boolean {
    return Date.now() - this.lastHeard >= FEED_STALE_MS;
  }

  heard(): void {
    this.lastHeard = Date.now();
  }

  /** Connected and listening from now on. */
  connectedNow(): void {
    this.heard();
    this.up = true;
  }

  /** The connection is gone; returns whether it was up until now. */
  lost(): boolean {
    const was = this.up;
    this.up = false;
    return was;
  }
}
