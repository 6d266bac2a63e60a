import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createMailer } from './smtp-mailer.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('SMTP mailer', () => {
  it('is absent when no SMTP URL is configured', () => {
    expect(createMailer(loadConfig({}))).toBeNull();
  });

  it('delivers a message through an SMTP server with the configured sender', async () => {
    const mailer = createMailer(loadConfig({ QINGFENG_SMTP_URL: `smtp://127.0.0.1:${port}?from=qingfeng@jw.example.cn` }));
    await mailer!.send({ to: 'zhangsan@jw.example.cn', subject: '今日待办提醒', text: '您有 3 项待办事项。' });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('qingfeng@jw.example.cn');
    expect(mail!.to).toEqual(['zhangsan@jw.example.cn']);
    const subject = /^Subject: =\?UTF-8\?B\?([^?]+)\?=/m.exec(mail!.raw)?.[1] ?? '';
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('今日待办提醒');
    const body = mail!.raw.split(/\r?\n\r?\n/).slice(1).join('\n');
    const text = /base64/i.test(mail!.raw) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
    expect(text).toContain('您有 3 项待办事项。');
  });
});
