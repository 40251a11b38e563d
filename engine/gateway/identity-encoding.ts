// @camunda8/sdk gzips every request it sends. Over loopback that only costs
// CPU on both ends, so the gateway answers that it accepts identity encoding
// alone: grpc-js clients then send uncompressed messages on that channel from
// the next call on. (Compressed requests are still accepted.)
import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';

export const identityEncoding: ServerInterceptor = (_method, call) =>
  new ServerInterceptingCall(call, {
    sendMetadata: (metadata, next) => {
      metadata.set('grpc-accept-encoding', 'identity');
      next(metadata);
    },
  });
