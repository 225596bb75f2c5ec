import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { UserService, type Role } from '@app/access';
import { UnitDirectoryStore } from '@app/units';
import { claimsOf } from '../../api/src/auth/token.service';

export const SUPERVISOR = 'supervisor';
export const LEADERSHIP = 'leadership';
export const SUPERVISION_OFFICE = 'sx-supervision-office';

/** The user who acts for a unit in the demo: its leader (who may also submit and review). */
export function leaderOf(unitCode: string): string {
  return unitCode === SUPERVISION_OFFICE ? SUPERVISOR : `${unitCode}-leader`;
}

export interface DemoSignIns {
  tokens: Map<string, string>;
  /** Shown only by `npm run demo -- --serve`, for a person to sign in to the console. */
  password: string;
}

/**
 * Creates the demo's users (supervisor, leadership, a leader per unit) with a fresh random password,
 * logs the supervisor in through the API as a person would, and signs the others' tokens with the
 * API's own key: the login route allows 10 attempts a minute, fewer than the demo has units.
 */
export async function signInDemoUsers(app: NestExpressApplication, baseUrl: string): Promise<DemoSignIns> {
  // Random, and with a letter and a digit whatever the bytes, as the password rules ask.
  const password = `${randomBytes(18).toString('base64url')}a1`;
  const users = app.get(UserService);
  // Every unit, reorganised ones included: in 2022 人行太原中心支行 and 山西银保监局 still held their work.
  const units = (await app.get(UnitDirectoryStore).readData()).units.map((unit) => unit.code);
  const people: { username: string; unitCode: string; roles: Role[] }[] = [
    { username: SUPERVISOR, unitCode: SUPERVISION_OFFICE, roles: ['supervisor'] },
    { username: LEADERSHIP, unitCode: 'sx-government', roles: ['leadership'] },
    ...units
      .filter((code) => code !== SUPERVISION_OFFICE)
      .map((unitCode) => ({ username: leaderOf(unitCode), unitCode, roles: ['leader'] as Role[] })),
  ];
  const tokens = new Map<string, string>();
  const jwt = app.get(JwtService);
  for (const person of people) {
    const user = await users.create({ ...person, password });
    tokens.set(
      person.username,
      await jwt.signAsync(claimsOf({ userId: user.id, credentialsVersion: user.credentialsVersion })),
    );
  }
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: SUPERVISOR, password }),
  });
  if (!login.ok) throw new Error(`督查室用户登录失败：${login.status}`);
  tokens.set(SUPERVISOR, ((await login.json()) as { accessToken: string }).accessToken);
  return { tokens, password };
}
