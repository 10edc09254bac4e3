import { Config } from '@backstage/config';
import { oneOf } from '../config';
import { DoraDefaults } from './DoraService';

/** Reads `platform.dora.*` with the defaults documented in config.d.ts. */
export function readDoraConfig(root: Config): DoraDefaults {
  const dora = root.getOptionalConfig('platform.dora');
  const at = (key: string) => `platform.dora.${key}`;
  return {
    environment: dora?.getOptionalString('environment') ?? 'production',
    leadTimeStart: oneOf(
      dora,
      'leadTimeStart',
      ['commit', 'merge'],
      'commit',
      at,
    ),
    excludeWeekends: dora?.getOptionalBoolean('excludeWeekends') ?? false,
    tierModel: oneOf(dora, 'tierModel', ['2024', '2023'], '2024', at),
    windowDays: dora?.getOptionalNumber('windowDays') ?? 90,
    shipmentLookbackDays: dora?.getOptionalNumber('shipmentLookbackDays') ?? 90,
  };
}
