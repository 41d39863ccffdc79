import http from 'node:http';
import https from 'node:https';

/**
 * The request header that carries the address of whoever opened the connection to this server.
 * Next.js gives route handlers, server actions and pages only headers, not the socket, and fills in
 * X-Forwarded-For with the socket's address only when a request has none, so a client that sends
 * its own would be indistinguishable from a proxy. This header is always overwritten from the socket.
 */
export const PEER_ADDRESS_HEADER = 'x-budgethoering-peer';

const installed = Symbol.for('budgethoering.peer-address');

/** Stamps every request the Node server receives with its socket's remote address (see instrumentation.ts). */
export function recordPeerAddresses(): void {
  for (const server of [http.Server, https.Server]) {
    const prototype = server.prototype as http.Server & { [installed]?: true };
    if (prototype[installed]) continue;
    const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') stamp(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
    prototype[installed] = true;
  }
}

function stamp(request: http.IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
  // A client's own header of that name must not survive in the raw list either.
  for (let i = request.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (request.rawHeaders[i]!.toLowerCase() === PEER_ADDRESS_HEADER) request.rawHeaders.splice(i, 2);
  }
}
