import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { resolveLadder } from '../ladder';

/** The global ladder overrides (LADDER_OVERRIDES, JSON), checked at start so a bad value stops the process. */
@Injectable()
export class LadderSettings {
  readonly overrides: unknown;

  constructor(config: AppConfig) {
    this.overrides = config.LADDER_OVERRIDES ? parseOverrides(config.LADDER_OVERRIDES) : null;
    resolveLadder([this.overrides]);
  }
}

function parseOverrides(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('Invalid environment configuration — LADDER_OVERRIDES: not valid JSON');
  }
}
