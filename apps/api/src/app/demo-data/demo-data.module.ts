import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [RollupsModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoDataModule {}
