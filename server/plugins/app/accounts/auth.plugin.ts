// Session cookies and authorization. Every request learns its caller (or
// none) from the session cookie; routes declare the permission they need
// with `app.requirePermission(...)` as an onRequest hook, so a caller without
// it is turned away before the body is even read.
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../../errors.js';
import { allows, type Caller, type Permission } from '../access/access-rules.js';
import { toCaller, type AccountRow } from './account.service.js';

export const SESSION_COOKIE = 'motcua_session';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    account: AccountRow | null;
  }
  interface FastifyInstance {
    requirePermission(permission: Permission): onRequestAsyncHookHandler;
    setSessionCookie(
      reply: FastifyReply,
      request: FastifyRequest,
      token: string,
      expires: Date,
    ): void;
  }
}

/** The caller of a route guarded by `requirePermission`. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED');
  return request.caller;
}

export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('caller', null);
    app.decorateRequest('account', null);

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const account = await app.services.accounts.resolveSession(token);
      if (account) {
        request.account = account;
        request.caller = toCaller(account);
      }
    });

    app.decorate('requirePermission', (permission: Permission) => {
      return async (request: FastifyRequest) => {
        if (!request.caller) throw new AppError('UNAUTHENTICATED');
        if (!allows(request.caller, permission)) throw new AppError('FORBIDDEN');
      };
    });

    app.decorate(
      'setSessionCookie',
      (reply: FastifyReply, request: FastifyRequest, token: string, expires: Date) => {
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          // Secure whenever the client reached us over TLS (directly or via a trusted proxy).
          secure: request.protocol === 'https',
          expires,
        });
      },
    );
  },
  { name: 'auth', dependencies: ['services'] },
);
