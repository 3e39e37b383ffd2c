import { type AddressInfo, createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { captureMail, startTestApp, type TestApp } from './harness.ts';

export type ReceivedMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
};

/**
 * A real SMTP server on a free local port that keeps what it receives, so e-mail goes through nodemailer and
 * the network as in production. `refuse` makes it answer every message with a temporary failure.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const state = { refuse: false, attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      state.attempts++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) {
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            received.push({
              to: to?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A test app that sends its e-mail through a fresh SMTP sink, sign-up confirmations included (the harness
 * follows their links from what the sink received).
 */
export async function startAppWithSmtpSink(): Promise<{
  t: TestApp;
  sink: SmtpSink;
  close: () => Promise<void>;
}> {
  const sink = await startSmtpSink();
  const t = await startTestApp({ smtpUrl: sink.url });
  captureMail(t.app, sink.received);
  return {
    t,
    sink,
    close: async () => {
      await t.close();
      await sink.close();
    },
  };
}
