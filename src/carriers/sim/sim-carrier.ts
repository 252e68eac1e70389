import { randomInt } from 'node:crypto';
import { type Carrier, CarrierError, type ProvisionRequest, type ProvisionedNumber } from '../carrier.js';

// The simulated carrier behind test keys: hands out fictional numbers (NXX 555) in the requested
// area code and never makes a network call.

const DEFAULT_AREA_CODES = ['415', '212', '312', '512', '206', '617'];

export class SimCarrier implements Carrier {
  readonly name = 'sim' as const;

  /** `isTaken` lets the simulator avoid numbers already active in the test-mode database. */
  constructor(private readonly isTaken: (phoneNumber: string) => Promise<boolean>) {}

  async provisionNumber(request: ProvisionRequest): Promise<ProvisionedNumber> {
    const area = request.areaCode ?? DEFAULT_AREA_CODES[randomInt(DEFAULT_AREA_CODES.length)]!;
    for (let attempt = 0; attempt < 200; attempt++) {
      const phoneNumber = `+1${area}555${String(randomInt(10_000)).padStart(4, '0')}`;
      if (!(await this.isTaken(phoneNumber))) {
        return { phoneNumber, carrierSid: `SIM${phoneNumber.slice(1)}` };
      }
    }
    throw new CarrierError(`No simulated numbers left in area code ${area}.`, 'area_code_exhausted');
  }

  async releaseNumber(): Promise<void> {
    // Nothing to give back: the number simply becomes free in the database.
  }

  async findProvisioned(): Promise<ProvisionedNumber | null> {
    // The simulator keeps nothing outside our database: a number we did not record was never
    // handed out, so an unfinished purchase is simply not bought.
    return null;
  }
}
