// A local SMTP server (the smtp-server package) that accepts every message and counts them by
// recipient domain: what "e-mails accepted" means in the fan-out row.
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../lib/services.mjs';

export async function startSmtpSink() {
  const port = await freePort();
  const counts = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) {
          const domain = r.address.split('@')[1];
          counts.set(domain, (counts.get(domain) ?? 0) + 1);
        }
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: (domain) => counts.get(domain) ?? 0,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
