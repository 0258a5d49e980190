import type { CapturedMail } from '@board/server/plugins/app/mailer';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * A real SMTP server on a free local port that keeps what it receives, newest first, in the shape
 * the app's in-memory mailer keeps (so tests read it the same way). Every test app sends its mail
 * here, over SMTP, as production does (test-app.ts). `refuse` makes it answer 550 to one address.
 */
export async function startSmtpSink(options: { refuse?: string } = {}) {
  const received: CapturedMail[] = [];
  let nextId = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === options.refuse) return callback(new Error('550 mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          // the headers as the app set them, by their own names (`List-Unsubscribe`)
          const headers = Object.fromEntries(
            mail.headerLines.map(({ line }) => {
              const colon = line.indexOf(':');
              return [
                line.slice(0, colon),
                line
                  .slice(colon + 1)
                  .replace(/\r?\n\s+/g, ' ')
                  .trim(),
              ];
            }),
          );
          const attachments = mail.attachments.map((file) => ({
            filename: file.filename ?? '',
            contentType: file.contentType,
            content: file.content.toString('utf8'),
          }));
          for (const to of session.envelope.rcptTo)
            received.unshift({
              id: nextId++,
              at: new Date().toISOString(),
              to: to.address,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              headers,
              ...(attachments.length > 0 && { attachments }),
            });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
