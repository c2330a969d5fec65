import { Module } from '@nestjs/common';
import { TokenGuard } from '../auth/token.guard';
import { RollupsModule } from '../rollups/rollups.module';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  imports: [RollupsModule],
  controllers: [IngestController],
  providers: [IngestService, TokenGuard],
  exports: [IngestService],
})
export class IngestModule {}
