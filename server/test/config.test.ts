import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const c = loadConfig({ PGLITE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'board-config-')), 'pglite') });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoData).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('never seeds demo data on a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://a@localhost/b' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://a@localhost/b', DEMO_DATA: '1' }).demoData).toBe(true);
  });

  it('names every bad variable in one clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrowError(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).env).toBe('production');
  });

  it('keeps development’s secret beside the data folder, so signed links outlive a restart', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'board-config-')), 'pglite');
    const first = loadConfig({ PGLITE_DATA_DIR: dataDir }).jwtSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ PGLITE_DATA_DIR: dataDir }).jwtSecret).toBe(first);
    expect(statSync(`${dataDir}.secret`).mode & 0o777).toBe(0o600);
    // another data folder, tests and production do not use it
    expect(loadConfig({ PGLITE_DATA_DIR: `${dataDir}-other` }).jwtSecret).not.toBe(first);
    expect(loadConfig({ NODE_ENV: 'test', PGLITE_DATA_DIR: dataDir }).jwtSecret).not.toBe(first);
    const strong = 'p'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, PGLITE_DATA_DIR: dataDir }).jwtSecret).toBe(strong);
    expect(() => loadConfig({ NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir })).toThrowError(/JWT_SECRET/);
    // a spoiled file is not trusted
    writeFileSync(`${dataDir}-short.secret`, 'short');
    expect(() => loadConfig({ PGLITE_DATA_DIR: `${dataDir}-short` })).toThrowError(/not a usable secret/);
  });
});
