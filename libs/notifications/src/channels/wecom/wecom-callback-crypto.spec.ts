import { openWecomMessage, sealWecomMessage, WecomCallbackError, wecomSignature } from './wecom-callback-crypto';

/** The reference vectors of WeCom's 加解密方案 document and sample code (developer.work.weixin.qq.com/document/path/90968). */
const OFFICIAL = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const URL_CHECK = {
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const MESSAGE = {
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  encrypted:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

const fault = (open: () => unknown) => {
  try {
    open();
    return null;
  } catch (error) {
    return error instanceof WecomCallbackError ? error.fault : error;
  }
};

describe('WeCom callback crypto', () => {
  it('verifies the URL check of the reference vector and decrypts its echostr', () => {
    expect(openWecomMessage(OFFICIAL, URL_CHECK, URL_CHECK.echostr)).toBe('1616140317555161061');
  });

  it('opens the reference event message', () => {
    const xml = openWecomMessage(OFFICIAL, MESSAGE, MESSAGE.encrypted);
    expect(xml).toContain('<Content><![CDATA[hello]]></Content>');
    expect(xml).toContain('<MsgId>4561255354251345929</MsgId>');
  });

  it('refuses a forged signature, another timestamp (a replay re-signed by nobody) and another corp', () => {
    expect(
      fault(() => openWecomMessage(OFFICIAL, { ...MESSAGE, msgSignature: '0'.repeat(40) }, MESSAGE.encrypted)),
    ).toBe('signature');
    expect(fault(() => openWecomMessage(OFFICIAL, { ...MESSAGE, timestamp: '1409659814' }, MESSAGE.encrypted))).toBe(
      'signature',
    );
    const otherCorp = { ...OFFICIAL, corpId: 'ww0000000000000000' };
    expect(fault(() => openWecomMessage(otherCorp, MESSAGE, MESSAGE.encrypted))).toBe('receiver');
  });

  it('refuses a ciphertext signed right but not made with the key', () => {
    const garbage = Buffer.alloc(64, 1).toString('base64');
    const query = {
      ...MESSAGE,
      msgSignature: wecomSignature(OFFICIAL.token, MESSAGE.timestamp, MESSAGE.nonce, garbage),
    };
    expect(fault(() => openWecomMessage(OFFICIAL, query, garbage))).toBe('decrypt');
  });

  it('seals what it opens, Chinese text included', () => {
    const sealed = sealWecomMessage(OFFICIAL, '<xml><Content>签收</Content></xml>', '1700000000', '42');
    const query = { msgSignature: sealed.msgSignature, timestamp: '1700000000', nonce: '42' };
    expect(openWecomMessage(OFFICIAL, query, sealed.encrypted)).toBe('<xml><Content>签收</Content></xml>');
  });
});
