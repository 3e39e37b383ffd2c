import nodemailer from 'nodemailer';

export type Mailer = {
  send: (message: { to: string; subject: string; text: string }) => Promise<void>;
} | null;

/** E-mail goes out only when SMTP_URL is configured; otherwise links are shown on screen. */
export function createMailer(
  smtpUrl: string | undefined,
  from = 'Impact Wheel <no-reply@impactwheel.local>',
): Mailer {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}
