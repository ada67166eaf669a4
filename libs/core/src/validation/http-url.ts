import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsUrl } from 'class-validator';

/**
 * An absolute http or https URL; otherwise `<field> must be an http(s) URL`. The schema's `format: uri`
 * is written here because the swagger plugin cannot see an IsUrl inside a composed decorator; the
 * field's own ApiProperty (required or not, example) still applies.
 */
export function IsHttpUrl(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    applyDecorators(
      IsUrl(
        { protocols: ['http', 'https'], require_protocol: true },
        { message: `${String(propertyName)} must be an http(s) URL` },
      ),
      ApiProperty({ format: 'uri' }),
    )(target, propertyName);
}
