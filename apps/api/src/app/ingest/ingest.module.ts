import { Module } from '@nestjs/common';
import { EnrichModule } from '../enrich/enrich.module';
import { RollupsModule } from '../rollups/rollups.module';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  imports: [RollupsModule, EnrichModule],
  controllers: [IngestController],
  providers: [IngestService],
  exports: [IngestService],
})
export class IngestModule {}
