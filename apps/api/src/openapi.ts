import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from './http/problem';

/** OpenAPI 3 at /docs (UI) and /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Tandem API')
    .setDescription(
      'Partnership workflow for migrant integration. Errors are RFC 9457 problem+json; lists are keyset pages `{items, nextCursor}`; ' +
        'shared records carry an ETag and take If-Match on write.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
