// The Zeebe gateway protocol, from the zeebe.proto that @camunda8/sdk ships,
// so the engine and its clients read the same contract.
import { createRequire } from 'node:module';
import { loadPackageDefinition, type GrpcObject, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

const require = createRequire(import.meta.url);

export const PROTO_PATH = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');

export function gatewayService(): ServiceDefinition {
  const definition = loadSync(PROTO_PATH, {
    keepCase: true,
    // int64 keys travel as decimal strings.
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const pkg = loadPackageDefinition(definition).gateway_protocol as GrpcObject;
  return (pkg.Gateway as unknown as { service: ServiceDefinition }).service;
}
