import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tandem/core';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { removeStaleFiles } from './stale-files';

/**
 * Where report files live. Small on purpose (put a stream, get a stream, delete) so an object
 * store can replace the local directory without touching the builders.
 */
export abstract class ReportStorage {
  /** Stores the whole stream under `key` (replacing any earlier file); resolves with its size once durable. */
  abstract put(key: string, body: Readable): Promise<{ bytes: number }>;
  /** The file, or null when it is not there (deleted, expired). */
  abstract get(key: string): Promise<Readable | null>;
  /** Deletes the file; deleting a missing one is fine. */
  abstract delete(key: string): Promise<void>;
  /**
   * Removes the partial files (`*.part`: a file being stored; a report's rows COPYed ahead, when
   * REPORT_SPOOL_DIR is the storage's directory, or left there by an earlier version) that
   * nothing has written for `olderThanMs`: left by a process killed mid-build (SIGKILL, a crash)
   * before it could remove them. Returns how many it removed.
   */
  abstract sweepPartial(olderThanMs: number, now: Date): Promise<number>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * A local directory (REPORT_STORAGE_DIR) shared by the api and the workers: a volume in docker. A
 * file is written under a temporary name and renamed when complete, so a download never sees half
 * a file and a crashed build leaves nothing under the real name.
 */
@Injectable()
export class LocalReportStorage extends ReportStorage {
  private readonly dir: string;

  constructor(config: AppConfig) {
    super();
    this.dir = path.resolve(config.REPORT_STORAGE_DIR);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key ${key}`);
    return path.join(this.dir, key);
  }

  async put(key: string, body: Readable): Promise<{ bytes: number }> {
    const final = this.pathOf(key);
    const tmp = `${final}.${process.pid}.${Date.now()}.part`;
    await mkdir(this.dir, { recursive: true });
    try {
      await pipeline(body, createWriteStream(tmp, { flags: 'w' }));
      await rename(tmp, final);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { bytes: (await stat(final)).size };
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      return null;
    }
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  sweepPartial(olderThanMs: number, now: Date): Promise<number> {
    return removeStaleFiles(this.dir, (name) => name.endsWith('.part'), olderThanMs, now);
  }
}
