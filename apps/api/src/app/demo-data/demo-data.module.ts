import { Module } from '@nestjs/common';
import { EnrichModule } from '../enrich/enrich.module';
import { RollupsModule } from '../rollups/rollups.module';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [RollupsModule, EnrichModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
