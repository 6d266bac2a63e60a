export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Optional outbound e-mail; in-app notifications never depend on it. */
export interface Mailer {
  send(msg: MailMessage): Promise<void>;
}
