import { appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

/** Always a plain-text part; an HTML part and headers (List-Unsubscribe) where the message has them. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type Mailer = {
  send: (message: MailMessage) => Promise<void>;
} | null;

/**
 * E-mail goes out only when SMTP_URL is configured; otherwise links are shown on screen. For development and the
 * browser tests, `SMTP_URL=file:///path/outbox.jsonl` appends each message to that file as a JSON line instead.
 */
export function createMailer(
  smtpUrl: string | undefined,
  from = 'Impact Wheel <no-reply@impactwheel.local>',
): Mailer {
  if (!smtpUrl) return null;
  if (smtpUrl.startsWith('file://')) {
    const file = fileURLToPath(smtpUrl);
    return {
      send: async (message) => {
        await appendFile(file, `${JSON.stringify({ from, ...message, at: new Date().toISOString() })}\n`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}
