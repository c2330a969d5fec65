import { Module } from '@nestjs/common';
import { TokenGuard } from '../auth/token.guard';
import { RollupsModule } from '../rollups/rollups.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({ imports: [RollupsModule], controllers: [SettingsController], providers: [SettingsService, TokenGuard] })
export class SettingsModule {}
