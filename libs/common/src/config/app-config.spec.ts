import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/supervision');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.API_PORT).toBe(3000);
  });

  it('reads and converts values from the environment', () => {
    const config = loadConfig({ API_PORT: '8080', DATABASE_URL: 'postgres://x@127.0.0.1/y' });
    expect(config.API_PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://x@127.0.0.1/y');
  });

  it('names the variable at fault', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('requires a signing secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });
});
