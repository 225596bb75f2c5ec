/** How the webhook channel talks to receivers; override the provider to change it (tests do). */
export class WebhookSettings {
  /** A receiver that has not answered by then counts as a failed attempt. */
  timeoutMs = 5000;
}
