import { createServer, Server } from 'node:net';
import { createTransport } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTPServer } from 'smtp-server';
import { smtpSocketWithoutNagle } from './smtp-socket';

function listen(server: Server | SMTPServer): Promise<number> {
  const net = server instanceof SMTPServer ? server.server : server;
  return new Promise((resolve) =>
    net.listen(0, '127.0.0.1', () => resolve((net.address() as { port: number }).port)),
  );
}

describe('smtpSocketWithoutNagle', () => {
  const servers: { close(cb: () => void): void }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  function sink(secure: boolean) {
    const received: string[] = [];
    const server = new SMTPServer({
      secure,
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString()));
        stream.on('end', () => {
          received.push(
            `${session.envelope.rcptTo.map((r) => r.address).join(',')}|${session.secure}|${body}`,
          );
          callback();
        });
      },
    });
    servers.push(server);
    return { server, received };
  }

  it.each([
    ['plain SMTP with STARTTLS', false],
    ['SMTPS (TLS from the first byte)', true],
  ])('delivers whole messages over %s through the pool', async (_name, secure) => {
    const { server, received } = sink(secure);
    const port = await listen(server);
    const transport = createTransport(
      new SMTPPool({
        host: '127.0.0.1',
        port,
        secure,
        pool: true,
        maxConnections: 2,
        tls: { rejectUnauthorized: false },
        getSocket: smtpSocketWithoutNagle(5_000),
      }),
    );
    try {
      await Promise.all(
        [1, 2, 3].map((i) =>
          transport.sendMail({
            from: 'a@tandem.test',
            to: `r${i}@tandem.test`,
            subject: 's',
            text: `hello ${i}`,
          }),
        ),
      );
    } finally {
      transport.close();
    }
    expect(received.map((r) => r.split('|')[0]).sort()).toEqual([
      'r1@tandem.test',
      'r2@tandem.test',
      'r3@tandem.test',
    ]);
    // Either TLS from the start or upgraded with STARTTLS: the socket is nodemailer's to secure.
    expect(received.every((r) => r.split('|')[1] === 'true')).toBe(true);
    expect(received.some((r) => r.includes('hello 2'))).toBe(true);
  });

  it('reports a refused connection as an error, not a socket', async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise<void>((r) => server.close(() => r()));
    const outcome = await new Promise<{ err: Error | null; connected: boolean }>((resolve) =>
      smtpSocketWithoutNagle(2_000)({ host: '127.0.0.1', port }, (err, options) =>
        resolve({ err, connected: Boolean(options?.connection) }),
      ),
    );
    expect(outcome.connected).toBe(false);
    expect((outcome.err as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});
