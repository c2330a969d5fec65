import { Module } from '@nestjs/common';
import { TokenGuard } from '../auth/token.guard';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  controllers: [IngestController],
  providers: [IngestService, TokenGuard],
  exports: [IngestService],
})
export class IngestModule {}
