// The "bare machinery" of the HTTP rows: a minimal NestJS app (Express, as the api) with the same
// JWT check as the api's guard (passport-jwt, Bearer, HS256 only, expiry checked, sub/sid claims
// shaped as uuids) and nothing else: it answers every GET with a fixed JSON body (the Tandem
// response captured just before, so the same bytes go over the wire).
// node scripts/bench/bare-app.mjs <port> <body.json> <jwt secret>
import '../lib/use-node24.mjs';
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

const [port, bodyFile, secret] = process.argv.slice(2);
const body = JSON.parse(readFileSync(bodyFile, 'utf8'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Plain JavaScript: the decorators are applied by hand.
class BareJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // The secret as a KeyObject, as the api passes it (apps/api/src/auth/jwt.strategy.ts): a string
      // would make jsonwebtoken try it as a PEM key first on every request.
      secretOrKey: createSecretKey(Buffer.from(secret, 'utf8')),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }
  validate(claims) {
    return typeof claims.sub === 'string' &&
      typeof claims.sid === 'string' &&
      UUID.test(claims.sub) &&
      UUID.test(claims.sid)
      ? { userId: claims.sub }
      : false;
  }
}
Injectable()(BareJwtStrategy);

class BareJwtGuard extends AuthGuard('jwt') {}
Injectable()(BareJwtGuard);

class StaticController {
  answer() {
    return body;
  }
}
Controller()(StaticController);
Get('*path')(
  StaticController.prototype,
  'answer',
  Object.getOwnPropertyDescriptor(StaticController.prototype, 'answer'),
);

class BareModule {}
Module({
  imports: [PassportModule],
  controllers: [StaticController],
  providers: [BareJwtStrategy, { provide: APP_GUARD, useClass: BareJwtGuard }],
})(BareModule);

const app = await NestFactory.create(BareModule, { logger: ['error'] });
await app.listen(Number(port), '127.0.0.1');
