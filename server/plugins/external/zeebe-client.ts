// The app's only way to the process engine: the Zeebe gRPC client of
// @camunda8/sdk, pointed at the embedded engine or at a Zeebe cluster.
// Credentials for a cluster (CAMUNDA_AUTH_STRATEGY, ZEEBE_CLIENT_ID, ...) are
// read by the SDK itself from the environment.
import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** `host:port` means plaintext gRPC; `grpcs://host:port` means TLS. */
export function grpcAddress(address: string): string {
  return /^grpcs?:\/\//.test(address) ? address : `grpc://${address}`;
}

export function createZeebeClient(address: string): ZeebeClient {
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpcAddress(address),
    // Callers retry on their own terms (outbox back-off, readiness polls);
    // the client's endless retry would hold a request or a shutdown forever.
    // The app logs failures where it meets them; the SDK's own log would print
    // every job stream the workers close as an error.
    zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_RETRY: false, ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  });
  return camunda.getZeebeGrpcApiClient();
}
