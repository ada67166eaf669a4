import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@tandem/programmes';
import { ProgrammesController } from './programmes.controller';

/** HTTP routes of programmes, partners, managers and milestones. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ProgrammesController],
})
export class ProgrammesApiModule {}
