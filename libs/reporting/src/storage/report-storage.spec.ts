import { describe, expect, it } from '@jest/globals';
import { AppConfig } from '@tandem/core';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sweepSpool } from '../writers/copy-csv';
import { LocalReportStorage } from './report-storage';

const HOUR = 60 * 60 * 1000;

function storageIn(dir: string): LocalReportStorage {
  return new LocalReportStorage({ REPORT_STORAGE_DIR: dir } as AppConfig);
}

/** A file in `dir` last written `ageMs` before `now`. */
function fileAged(dir: string, name: string, now: Date, ageMs: number): void {
  writeFileSync(path.join(dir, name), 'x');
  const at = new Date(now.getTime() - ageMs);
  utimesSync(path.join(dir, name), at, at);
}

describe('LocalReportStorage.sweepPartial', () => {
  it('removes only the partial files nothing has written for the given age', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-reports-'));
    const storage = storageIn(dir);
    await storage.put('kept.csv', Readable.from(['a,b\r\n']));
    const now = new Date();
    fileAged(dir, 'killed.csv.123.1700000000000.part', now, 2 * HOUR); // storage's own, left by a SIGKILL
    fileAged(dir, 'copy-123-0f0e.csv.part', now, 2 * HOUR); // rows COPYed ahead, left the same way
    fileAged(dir, 'live.csv.456.1700000000000.part', now, 5_000); // a build still writing
    fileAged(dir, 'old-report.csv', now, 48 * HOUR); // a finished report: the expiry's business, not this

    expect(await storage.sweepPartial(HOUR, now)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([
      'kept.csv',
      'live.csv.456.1700000000000.part',
      'old-report.csv',
    ]);
    expect(await storage.sweepPartial(HOUR, now)).toBe(0);
  });

  it('is a no-op before anything was stored (no directory yet)', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tandem-reports-')), 'not-yet');
    expect(await storageIn(dir).sweepPartial(HOUR, new Date())).toBe(0);
  });
});

describe(sweepSpool.name, () => {
  it("removes only the spool files nothing has written for the given age, not others' files", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-spool-'));
    const now = new Date();
    fileAged(dir, 'copy-123-0f0e3a52-5b1c-4d8e-9a5e-1c2b3d4e5f60.csv.part', now, 2 * HOUR); // a killed build's
    fileAged(dir, 'copy-456-7a7b3a52-5b1c-4d8e-9a5e-1c2b3d4e5f60.csv.part', now, 5_000); // a build still writing
    fileAged(dir, 'download.part', now, 2 * HOUR); // another program's, in the OS temporary directory
    expect(await sweepSpool(dir, HOUR, now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([
      'copy-456-7a7b3a52-5b1c-4d8e-9a5e-1c2b3d4e5f60.csv.part',
      'download.part',
    ]);
    expect(await sweepSpool(path.join(dir, 'not-yet'), HOUR, now)).toBe(0);
  });
});
