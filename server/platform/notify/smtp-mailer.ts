import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Mailer } from './mailer.js';

export function createMailer(config: Config): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  const from = new URL(config.smtpUrl).searchParams.get('from') ?? 'qingfeng@localhost';
  return {
    async send(msg) {
      await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text });
    },
  };
}
