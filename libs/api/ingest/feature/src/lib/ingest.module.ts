import { Module } from '@nestjs/common';
import { EnrichModule } from '@returnlens/api/enrich/data-access';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { IngestController } from './ingest.controller';
import { BatchStore, IngestService, MappingPresets } from '@returnlens/api/ingest/data-access';

@Module({
  imports: [RollupsModule, EnrichModule],
  controllers: [IngestController],
  providers: [IngestService, BatchStore, MappingPresets],
  exports: [IngestService],
})
export class IngestModule {}
