import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tandem:public';
/** Opts a route out of the global authentication guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
