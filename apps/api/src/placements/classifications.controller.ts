import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { classificationLists, ClassificationsView } from '@tandem/placements';
import { Authenticated, Operation } from '../http/api-problems.decorator';

@ApiTags('placements')
@Authenticated()
@Controller('classifications')
export class ClassificationsController {
  @Get()
  @Header('Cache-Control', 'private, max-age=86400')
  @Operation({
    summary: 'The code lists placements and participants accept',
    description:
      'ISO 3166-1 alpha-2 countries and ISO 639-1 languages exactly as the validation accepts them (named by the client in its reader’s language), ISIC Rev.4 sections, and the ISCO-08 unit groups with their official titles.',
    ok: ClassificationsView,
  })
  list(): ClassificationsView {
    return classificationLists();
  }
}
