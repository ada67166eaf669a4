import { ApiProperty } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer …`' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque, single-use; exchange it at POST /auth/refresh' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;
}
