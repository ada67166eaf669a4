import { Injectable } from '@nestjs/common';

/**
 * Where the api is in its shutdown. On SIGTERM it drains first: readiness answers 503 at once so
 * the load balancer stops sending new requests, while the api keeps serving whatever still comes
 * (SHUTDOWN_DRAIN_MS); every response then says `Connection: close`, so clients do not reuse a
 * keep-alive connection that is about to go away.
 */
@Injectable()
export class ShutdownState {
  draining = false;
}
