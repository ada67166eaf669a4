import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { FEED_STALE_MS, FeedLiveness } from './feed-liveness';

describe('FeedLiveness', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T08:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is live only while connected and heard from within FEED_STALE_MS', () => {
    const feed = new FeedLiveness();
    expect(feed.live).toBe(false);
    feed.connectedNow();
    expect(feed.live).toBe(true);
    jest.advanceTimersByTime(FEED_STALE_MS - 1);
    expect(feed.live).toBe(true);
    jest.advanceTimersByTime(1);
    expect([feed.live, feed.silent, feed.connected]).toEqual([false, true, true]);
    feed.heard();
    expect(feed.live).toBe(true);
  });

  it('says once that a connection was lost', () => {
    const feed = new FeedLiveness();
    feed.connectedNow();
    expect(feed.lost()).toBe(true);
    expect(feed.lost()).toBe(false);
    expect([feed.live, feed.connected]).toEqual([false, false]);
  });
});
