import { Injectable } from '@nestjs/common';

/** Time as a dependency, so tests can hold it still. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
