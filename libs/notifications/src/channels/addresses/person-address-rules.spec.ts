import { DomainError } from '@app/common';
import { checkAddresses, maskMobile, normalizeMobile } from './person-address-rules';
import { MobileCipher } from './mobile-cipher';

describe('mainland mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-199-0000-1111', '19900001111'],
    ['12812345678', null],
    ['1381234567', null],
    ['138123456789', null],
    ['23812345678', null],
    ['138-1234-567x', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeMobile(raw)).toBe(expected);
  });

  it('is shown masked', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('checkAddresses', () => {
  const code = (input: Parameters<typeof checkAddresses>[0]) => {
    try {
      checkAddresses(input);
      return null;
    } catch (error) {
      return error instanceof DomainError ? [error.code, error.details.field] : error;
    }
  };

  it.each([
    [{ wecomUserId: 'Zhang.San@sx_01-a' }, null],
    [{ wecomUserId: 'zhang san' }, ['WECOM_USERID_INVALID', 'wecomUserId']],
    [{ wecomUserId: '张三' }, ['WECOM_USERID_INVALID', 'wecomUserId']],
    [{ wecomUserId: 'x'.repeat(65) }, ['WECOM_USERID_INVALID', 'wecomUserId']],
    [{ dingtalkUserId: 'manager4508' }, null],
    [{ dingtalkUserId: 'a,b' }, ['DINGTALK_USERID_INVALID', 'dingtalkUserId']],
    [{ mobile: '1381234' }, ['MOBILE_INVALID', 'mobile']],
  ])('%j → %j', (input, expected) => {
    expect(code(input)).toEqual(expected);
  });

  it('keeps what is absent, clears what is null or empty', () => {
    expect(checkAddresses({ dingtalkUserId: null, wecomUserId: ' ', mobile: '+86 13812345678' })).toEqual({
      dingtalkUserId: null,
      wecomUserId: null,
      mobile: '13812345678',
    });
    expect(checkAddresses({})).toEqual({});
  });
});

describe('MobileCipher', () => {
  const key = Buffer.alloc(32, 7).toString('base64');

  it('seals with a fresh IV each time and opens only with its key', () => {
    const cipher = new MobileCipher(key);
    const sealed = [cipher.encrypt('13812345678'), cipher.encrypt('13812345678')];
    expect(sealed[0]).toMatch(/^v1:/);
    expect(sealed[0]).not.toBe(sealed[1]);
    expect(sealed.join()).not.toContain('13812345678');
    expect(sealed.map((text) => cipher.decrypt(text))).toEqual(['13812345678', '13812345678']);
    expect(() => new MobileCipher(Buffer.alloc(32, 8).toString('base64')).decrypt(sealed[0])).toThrow();
  });

  it('refuses a tampered text', () => {
    const cipher = new MobileCipher(key);
    const bytes = Buffer.from(cipher.encrypt('13812345678').slice(3), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${bytes.toString('base64')}`)).toThrow();
  });

  it('stores nothing without a key', () => {
    expect(() => new MobileCipher(undefined).encrypt('13812345678')).toThrow(
      expect.objectContaining({ code: 'MOBILE_KEY_NOT_CONFIGURED' }),
    );
  });
});
