import * as OTPAuth from 'otpauth';

const PERIOD_MS = 30_000;

/**
 * An authenticator app in the test. The server takes each time step once and allows one step of drift, so
 * a code for the step after the last one used is a fresh code; when even that is ahead of the allowed drift,
 * wait for the clock like a person would.
 */
export class Authenticator {
  private lastStep = -1;
  private readonly totp: OTPAuth.TOTP;

  constructor(secret: string) {
    this.totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD_MS / 1000, secret: OTPAuth.Secret.fromBase32(secret) });
  }

  async nextCode(): Promise<string> {
    const now = () => Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(now(), this.lastStep + 1);
    while (step > now() + 1) await new Promise((r) => setTimeout(r, 500));
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * PERIOD_MS });
  }
}
