import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      SPINEWISE_DATA_DIR: './data',
      SPINEWISE_PG_PORT: 54329,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SPINEWISE_TRUST_PROXY: false,
    });
  });

  it('reads the proxy switch and the web build directory', () => {
    const config = loadConfig({ SPINEWISE_TRUST_PROXY: 'true', SPINEWISE_WEB_DIR: '/srv/web' });
    expect(config.SPINEWISE_TRUST_PROXY).toBe(true);
    expect(config.SPINEWISE_WEB_DIR).toBe('/srv/web');
    expect(() => loadConfig({ SPINEWISE_TRUST_PROXY: 'yes' })).toThrow(
      /SPINEWISE_TRUST_PROXY: must be true or false/,
    );
  });

  it('reads an external database and ports, treating empty values as unset', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db.internal:5432/spinewise',
      PORT: '8080',
      HOST: '',
    });
    expect(config.DATABASE_URL).toBe('postgres://u:p@db.internal:5432/spinewise');
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('127.0.0.1');
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((problem) => problem.variable);
      expect(problems).toEqual(['DATABASE_URL', 'PORT', 'LOG_LEVEL']);
      expect((error as ConfigError).message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });

  it('reads the Web Push contact, a mailto: address or an https: URL', () => {
    expect(loadConfig({}).SPINEWISE_VAPID_SUBJECT).toBeUndefined();
    expect(
      loadConfig({ SPINEWISE_VAPID_SUBJECT: 'mailto:it@clinic.example' }).SPINEWISE_VAPID_SUBJECT,
    ).toBe('mailto:it@clinic.example');
    expect(
      loadConfig({ SPINEWISE_VAPID_SUBJECT: 'https://clinic.example/contact' })
        .SPINEWISE_VAPID_SUBJECT,
    ).toBe('https://clinic.example/contact');
    for (const bad of ['it@clinic.example', 'http://clinic.example', 'mailto:nobody']) {
      expect(() => loadConfig({ SPINEWISE_VAPID_SUBJECT: bad })).toThrow(
        /SPINEWISE_VAPID_SUBJECT: must be a mailto: address or an https: URL/,
      );
    }
  });

  it('rejects ports out of range', () => {
    expect(() => loadConfig({ SPINEWISE_PG_PORT: '80' })).toThrow(/SPINEWISE_PG_PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
