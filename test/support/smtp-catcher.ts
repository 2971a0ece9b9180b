import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  email: Email;
}

/** An SMTP error answer, as smtp-server sends it: the code and the text after it. */
class SmtpAnswer extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The SMTP server of the tests, on 127.0.0.1: it keeps every message it accepts (parsed with
 * postal-mime for assertions), can answer with an error instead (e.g. 451, a temporary failure),
 * and can be stopped and started again on the same port to play a mail server's downtime.
 */
export class SmtpCatcher {
  readonly messages: CaughtMessage[] = [];
  private refusal: { answer: SmtpAnswer; recipient: string | undefined } | undefined;
  private server: SMTPServer | undefined;

  private constructor(public port: number) {}

  static async start(): Promise<SmtpCatcher> {
    const catcher = new SmtpCatcher(0);
    await catcher.listen();
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers every message (or every one to this recipient) with this error until accept() is called. */
  refuse(code: number, text: string, recipient?: string): void {
    this.refusal = { answer: new SmtpAnswer(code, text), recipient: recipient?.toLowerCase() };
  }

  accept(): void {
    this.refusal = undefined;
  }

  /** The messages sent to an address (any of To, Cc or the envelope). */
  to(address: string): CaughtMessage[] {
    return this.messages.filter((message) => message.envelopeTo.includes(address.toLowerCase()));
  }

  /** The server goes away: connections are refused until listen() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again, on the same port the tests' SMTP_URL names. */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const refusal = this.refusal;
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          if (refusal && (!refusal.recipient || recipients.includes(refusal.recipient))) {
            callback(refusal.answer);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          PostalMime.parse(raw).then(
            (email) => {
              this.messages.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: recipients,
                raw,
                email,
              });
              callback();
            },
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  async close(): Promise<void> {
    await this.stop();
  }
}
