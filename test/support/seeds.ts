import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';

export const ACTION_PLAN_2022 = 'shanxi-consumer-services-action-plan-2022.txt';
export const MODERN_SERVICES_PLAN_2021 = 'shanxi-modern-services-plan-2021.txt';

export function seedBytes(name: string): Buffer {
  return readFileSync(join(repositoryRoot(), 'seeds', name));
}

export function seedText(name: string): string {
  return seedBytes(name).toString('utf8');
}
