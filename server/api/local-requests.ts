import type { IncomingMessage } from 'node:http';

/**
 * Requests that arrived over the data directory's owner-only Unix socket. The socket server marks
 * them before handing them to the app; TCP requests are never in this set, so no header or address
 * can make a network request pass for the local command line.
 */
const localRequests = new WeakSet<IncomingMessage>();

export function markLocalRequest(request: IncomingMessage): void {
  localRequests.add(request);
}

export function isLocalRequest(request: IncomingMessage): boolean {
  return localRequests.has(request);
}
