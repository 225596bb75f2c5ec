import type { AppConfig } from '@app/common';
import type { WebhookAddressRules } from './webhook-address';

/** How the webhook channel talks to receivers; override the provider to change it (tests do). */
export class WebhookSettings implements WebhookAddressRules {
  /** A receiver that has not answered by then counts as a failed attempt. */
  timeoutMs = 5000;
  allowedPorts: readonly number[] = [80, 443];
  /** Hosts trusted outright, whatever they resolve to and on any port (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts: readonly string[] = [];

  static from(config: AppConfig): WebhookSettings {
    return Object.assign(new WebhookSettings(), {
      allowedPorts: config.WEBHOOK_ALLOWED_PORTS,
      allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
    });
  }
}
