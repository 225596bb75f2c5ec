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

  describe('channel credentials', () => {
    const wecom = {
      WECOM_CORP_ID: 'ww0123456789abcdef',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'wecom-app-secret-value',
      WECOM_CALLBACK_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    };

    it('takes a channel given whole, and none at all', () => {
      expect(loadConfig(wecom).WECOM_AGENT_ID).toBe('1000002');
      expect(loadConfig({}).WECOM_SECRET).toBeUndefined();
    });

    it('stops a half-configured channel, naming what is missing and never a value given', () => {
      const { WECOM_CALLBACK_TOKEN: _token, ...partial } = wecom;
      expect(() => loadConfig(partial)).toThrow(/WeCom: WECOM_CALLBACK_TOKEN missing/);
      expect(() => loadConfig({ DINGTALK_APP_SECRET: 'dingtalk-app-secret' })).toThrow(
        /DingTalk: DINGTALK_APP_KEY, DINGTALK_AGENT_ID missing/,
      );
      try {
        loadConfig({ ...partial, DINGTALK_APP_SECRET: 'dingtalk-app-secret' });
      } catch (error) {
        expect(String(error)).not.toMatch(/wecom-app-secret-value|dingtalk-app-secret[^ ]|ww0123456789/);
      }
    });

    it('checks the shapes the platforms use, without echoing the value', () => {
      expect(() => loadConfig({ ...wecom, WECOM_ENCODING_AES_KEY: 'too-short-key' })).toThrow(/WECOM_ENCODING_AES_KEY/);
      expect(() => loadConfig({ ...wecom, WECOM_ENCODING_AES_KEY: 'too-short-key' })).not.toThrow(/too-short-key/);
      expect(() => loadConfig({ CHANNEL_DATA_KEY: 'c2hvcnQ=' })).toThrow(/CHANNEL_DATA_KEY/);
      expect(() =>
        loadConfig({
          SMS_PROVIDER: 'tencent',
          SMS_ACCESS_KEY_ID: 'id',
          SMS_ACCESS_KEY_SECRET: 'secret-key',
          SMS_SIGN_NAME: '省督查室',
          SMS_TEMPLATE_CODE: '1234',
        }),
      ).toThrow(/SMS_APP_ID missing/);
    });
  });
});
