import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from './http/problem';

/** The OpenAPI 3 document of the api, from its controllers and DTOs (and the swagger CLI plugin's metadata). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tandem API')
    .setDescription(
      'Partnership workflow for migrant integration. Errors are RFC 9457 problem+json; lists are keyset pages `{items, nextCursor}`; ' +
        'shared records carry an ETag and take If-Match on write.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
}

/** OpenAPI 3 at /docs (UI) and /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
