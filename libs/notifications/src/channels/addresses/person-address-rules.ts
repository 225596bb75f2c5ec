import { DomainError } from '@app/common';

/** What a person's addresses may hold; `null` clears one. */
export interface AddressInput {
  dingtalkUserId?: string | null;
  wecomUserId?: string | null;
  mobile?: string | null;
}

/** The same, checked and normalised (the mobile as 11 digits, not yet encrypted). */
export type CheckedAddresses = { [K in keyof AddressInput]: string | null };

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
/** WeCom: 1–64 bytes of letters, digits, _ - @ . (its 成员 userid rule). */
const WECOM_USERID = /^[A-Za-z0-9_\-@.]{1,64}$/;
/** DingTalk: the userid it shows in the admin console, at most 64 visible characters, no separators it uses. */
const DINGTALK_USERID = /^[^\s,|]{1,64}$/;

/** A mainland mobile as 11 digits: spaces and hyphens, and a +86 or 0086 prefix, are dropped. Null if not one. */
export function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return MAINLAND_MOBILE.test(digits) ? digits : null;
}

/** 13812345678 → 138****5678, as people's numbers are shown. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

function invalid(field: string, code: string, message: string): DomainError {
  return new DomainError('invalid', code, message, { field });
}

function checkOne(value: string | null | undefined, check: (text: string) => string | null): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : check(trimmed);
}

/** Checks each given address; an empty string clears like null. Throws on the first bad one. */
export function checkAddresses(input: AddressInput): Partial<CheckedAddresses> {
  const checked: Partial<CheckedAddresses> = {};
  const dingtalk = checkOne(input.dingtalkUserId, (text) => {
    if (!DINGTALK_USERID.test(text))
      throw invalid('dingtalkUserId', 'DINGTALK_USERID_INVALID', '钉钉 userid 须为 1–64 个字符，不含空格、逗号和竖线');
    return text;
  });
  const wecom = checkOne(input.wecomUserId, (text) => {
    if (!WECOM_USERID.test(text))
      throw invalid('wecomUserId', 'WECOM_USERID_INVALID', '企业微信 userid 须为 1–64 个字母、数字或 _-@.');
    return text;
  });
  const mobile = checkOne(input.mobile, (text) => {
    const normalized = normalizeMobile(text);
    if (!normalized) throw invalid('mobile', 'MOBILE_INVALID', '手机号须为中国大陆 11 位手机号码');
    return normalized;
  });
  if (dingtalk !== undefined) checked.dingtalkUserId = dingtalk;
  if (wecom !== undefined) checked.wecomUserId = wecom;
  if (mobile !== undefined) checked.mobile = mobile;
  return checked;
}
