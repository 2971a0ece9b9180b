import http from 'node:http';
import { CliFailure } from './cli-errors.ts';
import { cliLanguage, t } from './cli-messages.ts';

/** Nobody listens on the socket (no server, or one still starting). */
export class SocketUnavailable extends Error {}

/** The server refused a request: its message, with the error code and the API field at fault. */
export class ServerRefusal extends CliFailure {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly field: string | undefined,
  ) {
    super(message);
  }
}

interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}

/**
 * One JSON request to the running server over its Unix socket. Every request asks for the CLI's
 * language (Accept-Language), so that the server's refusals read as the CLI's own messages.
 */
export async function callSocket<T>(file: string, call: Call): Promise<T> {
  const response = await send(file, call);
  const text = await readAll(response);
  const body: unknown = text ? JSON.parse(text) : undefined;
  if ((response.statusCode ?? 500) >= 400) throw refusal(body, response.statusCode);
  return body as T;
}

/** A request whose answer is NDJSON (one JSON value a line), handed over line by line as it arrives. */
export async function streamSocket(file: string, call: Call, onLine: (line: unknown) => void): Promise<void> {
  const response = await send(file, call);
  if ((response.statusCode ?? 500) >= 400) {
    const text = await readAll(response);
    throw refusal(text ? JSON.parse(text) : undefined, response.statusCode);
  }
  response.setEncoding('utf8');
  let pending = '';
  for await (const chunk of response) {
    pending += String(chunk);
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) onLine(JSON.parse(line));
      newline = pending.indexOf('\n');
    }
  }
  if (pending.trim()) onLine(JSON.parse(pending));
}

function send(file: string, call: Call): Promise<http.IncomingMessage> {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        socketPath: file,
        method: call.method,
        path: call.url,
        headers: {
          'accept-language': cliLanguage(),
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      resolve,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') reject(new SocketUnavailable(error.message));
      else reject(error);
    });
    request.end(payload);
  });
}

async function readAll(response: http.IncomingMessage): Promise<string> {
  response.setEncoding('utf8');
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return text;
}

function refusal(body: unknown, status: number | undefined): ServerRefusal {
  const error = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  if (error && typeof error === 'object' && 'message' in error) {
    const text = (key: string) => (key in error ? String((error as Record<string, unknown>)[key]) : undefined);
    return new ServerRefusal(String(error.message), text('code'), text('field'));
  }
  return new ServerRefusal(t('socket.http_status', { status: status ?? '?' }), undefined, undefined);
}
