import { connect as netConnect, type Socket } from 'node:net';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { ConnectionFailure, classifyNetworkError } from './connection-failure.ts';
import {
  checkHostResolves,
  isSecure,
  MAIL_SERVER_TIMEOUT_MS,
  type MailServerSettings,
  serverName,
} from './mail-server.ts';

/** A server's -ERR answer to a command. */
export class Pop3Error extends Error {}

/** Lines a multi-line answer may have: a message of MAIL_MAX_BYTES made of empty lines, and some. */
const MAX_LINES = 1024 * 1024 * 1024;

/**
 * A small POP3 client (RFC 1939, and STLS from RFC 2595) over node:net and node:tls: one command
 * at a time, answers read line by line (8-bit safe, linear in the message size), multi-line
 * answers dot-unstuffed. DELE takes effect only at QUIT: a client that dies before it leaves every
 * message on the server.
 */
export class Pop3Client {
  private socket: Socket | TLSSocket;
  private readonly lines: Buffer[] = [];
  private nextLine = 0;
  private partial: Buffer[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  private constructor(
    socket: Socket | TLSSocket,
    private readonly settings: MailServerSettings,
    private readonly timeoutMs: number,
  ) {
    this.socket = socket;
    this.attach(socket);
  }

  /** Connects (TLS for pop3s, STLS when a pop3 server offers it) and logs in. */
  static async open(settings: MailServerSettings, timeoutMs = MAIL_SERVER_TIMEOUT_MS): Promise<Pop3Client> {
    await checkHostResolves(settings, timeoutMs);
    const socket = await connectSocket(settings, timeoutMs);
    const client = new Pop3Client(socket, settings, timeoutMs);
    try {
      await client.expectOk();
      if (!isSecure(settings.protocol)) await client.startTlsIfOffered();
      await client.login();
      return client;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  private attach(socket: Socket | TLSSocket) {
    socket.setTimeout(this.timeoutMs);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('timeout', () => this.fail(Object.assign(new Error('POP3 server timed out'), { code: 'ETIMEDOUT' })));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' })));
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.wake?.();
  }

  /** Splits what arrives into lines (without CR LF). */
  private receive(chunk: Buffer) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      const line = this.partial.length > 0 ? Buffer.concat([...this.partial, piece]) : piece;
      this.partial = [];
      this.lines.push(line.at(-1) === 13 ? line.subarray(0, -1) : line);
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(Buffer.from(chunk.subarray(start)));
    this.wake?.();
  }

  private async readLine(): Promise<Buffer> {
    while (this.nextLine >= this.lines.length) {
      if (this.failure) throw classifyNetworkError(this.failure, this.settings);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
    const line = this.lines[this.nextLine] ?? Buffer.alloc(0);
    this.nextLine += 1;
    // drop what was read now and then, so a long session does not keep every line
    if (this.nextLine > 4096 && this.nextLine === this.lines.length) {
      this.lines.length = 0;
      this.nextLine = 0;
    }
    return line;
  }

  private async expectOk(): Promise<string> {
    const line = (await this.readLine()).toString('latin1');
    if (line.startsWith('+OK')) return line.slice(3).trim();
    throw new Pop3Error(line.replace(/^-ERR\s*/, '') || line);
  }

  private async command(text: string): Promise<string> {
    this.socket.write(`${text}\r\n`);
    return this.expectOk();
  }

  /** The lines of a multi-line answer up to the lone ".", each with a leading dot removed (dot-unstuffing). */
  private async multiLine(): Promise<Buffer[]> {
    const lines: Buffer[] = [];
    for (let count = 0; count < MAX_LINES; count++) {
      const line = await this.readLine();
      if (line.length === 1 && line[0] === 46) return lines;
      lines.push(line[0] === 46 ? line.subarray(1) : line);
    }
    throw new Pop3Error('multi-line answer without end');
  }

  private async startTlsIfOffered() {
    let capabilities: string[];
    try {
      await this.command('CAPA');
      capabilities = (await this.multiLine()).map((line) => line.toString('latin1').trim().toUpperCase());
    } catch (error) {
      if (error instanceof Pop3Error) return;
      throw error;
    }
    if (!capabilities.includes('STLS')) return;
    await this.command('STLS');
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('timeout');
    plain.removeAllListeners('close');
    plain.removeAllListeners('error');
    const secure = await upgrade(plain, this.settings, this.timeoutMs);
    this.socket = secure;
    this.attach(secure);
  }

  private async login() {
    try {
      await this.command(`USER ${this.settings.login}`);
      await this.command(`PASS ${this.settings.password}`);
    } catch (error) {
      if (!(error instanceof Pop3Error)) throw error;
      throw new ConnectionFailure('login', 'mail_test.login', { login: this.settings.login }, error.message);
    }
  }

  /** Messages in the mailbox and their total size in bytes. */
  async stat(): Promise<{ count: number; size: number }> {
    const [count = '0', size = '0'] = (await this.command('STAT')).split(/\s+/);
    return { count: Number(count), size: Number(size) };
  }

  /** Each message's number (for this session) and unique id (stable across sessions). */
  async uidl(): Promise<{ number: number; uid: string }[]> {
    await this.command('UIDL');
    return (await this.multiLine()).map((line) => {
      const [number = '0', uid = ''] = line.toString('latin1').trim().split(/\s+/);
      return { number: Number(number), uid };
    });
  }

  /** Each message's size in bytes, by its number. */
  async list(): Promise<Map<number, number>> {
    await this.command('LIST');
    const sizes = new Map<number, number>();
    for (const line of await this.multiLine()) {
      const [number = '0', size = '0'] = line.toString('latin1').trim().split(/\s+/);
      sizes.set(Number(number), Number(size));
    }
    return sizes;
  }

  /** The whole message, lines joined by CR LF as sent. */
  async retr(number: number): Promise<Buffer> {
    await this.command(`RETR ${number}`);
    const lines = await this.multiLine();
    const parts: Buffer[] = [];
    const crlf = Buffer.from('\r\n');
    for (const line of lines) parts.push(line, crlf);
    return Buffer.concat(parts);
  }

  /** Marks a message deleted; the server removes it at QUIT. */
  async dele(number: number): Promise<void> {
    await this.command(`DELE ${number}`);
  }

  /** Ends the session: the server now removes the messages marked deleted. */
  async quit(): Promise<void> {
    try {
      await this.command('QUIT');
    } finally {
      this.close();
    }
  }

  close() {
    this.socket.destroy();
  }
}

function connectSocket(settings: MailServerSettings, timeoutMs: number): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = isSecure(settings.protocol);
    const socket: Socket | TLSSocket = secure
      ? tlsConnect({
          host: settings.host,
          port: settings.port,
          servername: serverName(settings.host),
          rejectUnauthorized: settings.tlsVerify,
        })
      : netConnect({ host: settings.host, port: settings.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(classifyNetworkError(Object.assign(new Error('connection timed out'), { code: 'ETIMEDOUT' }), settings));
    }, timeoutMs);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(classifyNetworkError(error, settings));
    });
  });
}

function upgrade(plain: Socket | TLSSocket, settings: MailServerSettings, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      socket: plain,
      servername: serverName(settings.host),
      rejectUnauthorized: settings.tlsVerify,
    });
    const timer = setTimeout(() => {
      secure.destroy();
      reject(
        classifyNetworkError(Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' }), settings),
      );
    }, timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeAllListeners('error');
      resolve(secure);
    });
    secure.once('error', (error) => {
      clearTimeout(timer);
      secure.destroy();
      reject(classifyNetworkError(error, settings));
    });
  });
}
