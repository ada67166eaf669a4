import { Injectable } from '@nestjs/common';
import { CoreError } from '@tandem/core';
import { FrameworkIndicator } from './entities';
import { MeasuringRepository } from './measuring.repository';
import {
  frameworkIndicatorView,
  FrameworkIndicatorView,
  frameworkView,
  FrameworkView,
} from './measuring.views';

/** The read-only indicator catalogue. */
@Injectable()
export class CatalogueService {
  constructor(private readonly repo: MeasuringRepository) {}

  async frameworks(): Promise<FrameworkView[]> {
    return (await this.repo.frameworks()).map((f) => frameworkView(f.framework, f.count));
  }

  async indicators(frameworkCode: string): Promise<FrameworkIndicatorView[]> {
    if (!(await this.repo.framework(frameworkCode))) throw CoreError.notFound('Indicator framework');
    return (await this.repo.indicatorsOf(frameworkCode)).map(frameworkIndicatorView);
  }

  /** `code` is the full code (`eu-zaragoza:employment-rate`) or the code within the framework (`employment-rate`). */
  async indicatorIn(frameworkCode: string, code: string, field = 'indicator'): Promise<FrameworkIndicator> {
    if (!(await this.repo.framework(frameworkCode))) throw CoreError.notFound('Indicator framework');
    const full = code.includes(':') ? code : `${frameworkCode}:${code}`;
    const indicator = full.startsWith(`${frameworkCode}:`) ? await this.repo.indicator(full) : null;
    if (!indicator) throw CoreError.invalid(field, `is not an indicator of ${frameworkCode}`);
    return indicator;
  }
}
