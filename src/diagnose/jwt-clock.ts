/**
 * Which clock the JWT inspector judges a token against, and how to say so. A pasted
 * response's Date header is the server's own time at the moment of the 401, so it
 * wins; then the clock check's server offset; then this device's clock.
 */
export type ClockSource = 'response-date' | 'server-clock' | 'device';

export interface ReferenceClock {
  readonly source: ClockSource;
  /** The time to pass to decodeJwt as `now`. */
  readonly now: Date;
  /** Plain text for the page: which clock was used. */
  readonly label: string;
}

export interface ClockEvidence {
  /** The Date header of the pasted response, as written. */
  readonly responseDate?: string;
  /** Server time minus device time from the clock check (0 or absent when not run). */
  readonly clockOffsetMs?: number;
  /** This device's time now. */
  readonly deviceNow: Date;
}

export function referenceClock(evidence: ClockEvidence): ReferenceClock {
  const { responseDate, clockOffsetMs, deviceNow } = evidence;
  const fromResponse = responseDate !== undefined && responseDate.length <= 100 ? Date.parse(responseDate) : Number.NaN;
  if (!Number.isNaN(fromResponse)) {
    const at = new Date(fromResponse);
    return {
      source: 'response-date',
      now: at,
      label: `Times judged against the pasted response's Date header (${at.toISOString().replace('.000Z', 'Z')}), not this device's clock.`,
    };
  }
  if (clockOffsetMs !== undefined && clockOffsetMs !== 0) {
    const seconds = Math.round(Math.abs(clockOffsetMs) / 1000);
    return {
      source: 'server-clock',
      now: new Date(deviceNow.getTime() + clockOffsetMs),
      label: `Times judged by the server clock from the clock check (your device is ${seconds} s ${clockOffsetMs > 0 ? 'behind' : 'ahead'}).`,
    };
  }
  return {
    source: 'device',
    now: deviceNow,
    label: "Times judged against this device's clock. Paste the response in the analyzer above to judge them by its Date header.",
  };
}
