import { Module } from '@nestjs/common';
import { GoodIdeasModule } from '@tandem/good-ideas';
import { GoodIdeaCuratorsController } from './good-idea-curators.controller';
import { GoodIdeasController } from './good-ideas.controller';
import { PublicGoodIdeasController } from './public-good-ideas.controller';

/** HTTP routes of the good-ideas domain: the console's API and the public catalogue. */
@Module({
  imports: [GoodIdeasModule],
  controllers: [GoodIdeasController, GoodIdeaCuratorsController, PublicGoodIdeasController],
})
export class GoodIdeasApiModule {}
