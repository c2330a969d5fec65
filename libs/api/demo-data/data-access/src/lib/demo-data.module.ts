import { Module } from '@nestjs/common';
import { EnrichModule } from '@returnlens/api/enrich/data-access';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [RollupsModule, EnrichModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
