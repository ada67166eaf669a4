import { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
}

/** A real SMTP server on loopback that keeps what it receives. `hold()` stalls the DATA reply. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server!: SMTPServer;
  private held = false;
  private readonly waiting: (() => void)[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const accept = async () => {
            const mail: ParsedMail = await simpleParser(Buffer.concat(chunks));
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
              a.value.map((v) => v.address ?? ''),
            );
            this.received.push({
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId,
            });
            callback();
          };
          if (this.held) {
            // The message is not accepted until released; a client that dies meanwhile never gets a 250.
            this.waiting.push(() => void accept());
            this.onHeld?.();
          } else {
            void accept();
          }
        });
      },
    });
    // A client killed mid-message (the worker-crash tests) resets its socket: not the suite's failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  onHeld?: () => void;

  hold(): void {
    this.held = true;
  }

  /** Drops held messages without accepting them (their sender is gone). */
  discardHeld(): void {
    this.held = false;
    this.waiting.length = 0;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  async waitFor(address: string, timeoutMs = 30_000): Promise<ReceivedMail> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = this.to(address);
      if (found.length) return found[0];
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
