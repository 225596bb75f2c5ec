import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UnitDirectoryStore, type UnitDirectoryData } from '@app/units';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitDirectoryStore) {}

  /** The whole directory: units with names, aliases, kinds, parents and successors; groups and placeholders. */
  @Get()
  directory(): Promise<UnitDirectoryData> {
    return this.units.readData();
  }
}
