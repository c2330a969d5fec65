import { Module } from '@nestjs/common';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { BackgroundAnalysis } from './background-analysis';
import { EnrichService } from './enrich.service';
import { TextAnalyzer } from './text-analyzer';

/**
 * Language, sentiment, aspects and inferred reasons from free text (libs/shared/text): inline
 * in a batch, or in the background in a worker thread for a large one.
 */
@Module({
  imports: [RollupsModule],
  providers: [EnrichService, TextAnalyzer, BackgroundAnalysis],
  exports: [EnrichService, BackgroundAnalysis],
})
export class EnrichModule {}
