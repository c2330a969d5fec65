import { Module } from '@nestjs/common';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { BackgroundAnalysis } from './background-analysis';
import { EnrichService } from './enrich.service';
import { ShopTextModels } from './shop-models';
import { TextAnalyzer } from './text-analyzer';

/**
 * Language, sentiment, aspects and inferred reasons from free text (libs/shared/text): inline
 * in a batch, or in the background in a worker thread for a large one.
 */
@Module({
  imports: [RollupsModule],
  providers: [EnrichService, TextAnalyzer, BackgroundAnalysis, ShopTextModels],
  exports: [EnrichService, BackgroundAnalysis, ShopTextModels],
})
export class EnrichModule {}
