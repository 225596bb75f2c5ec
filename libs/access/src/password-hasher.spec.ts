import { hashPassword, passwordProblem, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse 42 battery');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse 42 battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse 43 battery', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
  });

  it('refuses a malformed stored hash', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });

  it.each([
    ['short1', '密码至少12位'],
    ['onlyletterslong', '密码须同时包含字母和数字'],
    ['123456789012345', '密码须同时包含字母和数字'],
    ['letters and 123', null],
  ])('password rule for %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
