/**
 * Clock check: compares a Date response header with the device clock. Tokens,
 * TOTP codes and TLS certificates all depend on the time, and a clock that is a
 * few minutes off produces 401s that look like bad credentials.
 */
import { makeFinding, type Finding } from './finding';
import { duration, shown } from './text';

/** Beyond this, token validators with the usual leeway start rejecting. */
export const CLOCK_SKEW_LIMIT_MS = 60_000;
/** The Date header counts whole seconds, so the server's real time is up to 1 s later. */
const DATE_RESOLUTION_MS = 1_000;

export interface ClockInput {
  /** The Date response header value, e.g. "Tue, 03 Jun 2025 10:00:00 GMT". */
  readonly dateHeader: string;
  /** Device time when the request was sent. */
  readonly sentAt: Date | number;
  /** Device time when the response arrived. */
  readonly receivedAt: Date | number;
  /**
   * Whose clock is in doubt: the visitor's device (the server is the reference) or
   * the server (the device is the reference). Decides the wording and the fix.
   */
  readonly subject?: 'device' | 'server';
}

export interface ClockReport {
  /** False when the Date header or the timings could not be used; see `error`. */
  readonly ok: boolean;
  readonly error?: string;
  readonly serverTime?: Date;
  /**
   * Server time minus device time, in ms: positive means the device is behind.
   * Pass it to decodeJwt as `clockOffsetMs` to judge tokens by the server's clock.
   */
  readonly offsetMs?: number;
  readonly roundTripMs?: number;
  /** How far off the estimate can be: half the round trip plus the Date header's rounding. */
  readonly uncertaintyMs?: number;
  readonly skewed: boolean;
  /** Direction of the subject's clock relative to the reference. */
  readonly direction?: 'ahead' | 'behind' | 'in-sync';
  readonly findings: Finding[];
}

const ms = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());

export function checkClock(input: ClockInput): ClockReport {
  const subject = input.subject ?? 'device';
  const header = input.dateHeader.trim();
  const quote = `Date: ${header.slice(0, 100)}`;
  const sent = ms(input.sentAt);
  const received = ms(input.receivedAt);
  if (!Number.isFinite(sent) || !Number.isFinite(received)) {
    return { ok: false, skewed: false, findings: [], error: 'The request timings are not usable (a send or receive time is missing or not a time).' };
  }
  if (received < sent) {
    return {
      ok: false,
      skewed: false,
      findings: [],
      error: 'The request timings are not usable (the response arrived before it was sent).',
    };
  }
  const parsed = header.length <= 100 ? Date.parse(header) : Number.NaN;
  if (Number.isNaN(parsed)) {
    return { ok: false, skewed: false, findings: [], error: `The Date header "${shown(header, 60)}" is not a date.` };
  }
  const roundTripMs = received - sent;
  // The server stamped its Date somewhere in the round trip; the midpoint is the best guess,
  // and the header's whole seconds put its real time half a second later on average.
  const midpoint = sent + roundTripMs / 2;
  const serverEstimate = parsed + DATE_RESOLUTION_MS / 2;
  const offsetMs = Math.round(serverEstimate - midpoint);
  const uncertaintyMs = Math.round(roundTripMs / 2 + DATE_RESOLUTION_MS / 2);
  const skewed = Math.abs(offsetMs) > CLOCK_SKEW_LIMIT_MS;
  // offset > 0: server ahead of device, i.e. device behind.
  const subjectAhead = subject === 'device' ? offsetMs < 0 : offsetMs > 0;
  const direction: ClockReport['direction'] = !skewed ? 'in-sync' : subjectAhead ? 'ahead' : 'behind';

  const findings: Finding[] = [];
  if (skewed) {
    const amount = duration(offsetMs);
    findings.push(
      subject === 'device'
        ? makeFinding(
            'device-clock-skewed',
            `This device's clock is about ${amount} ${direction}`,
            `The server's clock says ${new Date(serverEstimate).toISOString()}. Sign-in tokens and one-time codes are ` +
              'checked against the time, so a clock this far off gets valid logins rejected. Turn on automatic date and time.',
            quote,
          )
        : makeFinding(
            'server-clock-skewed',
            `The server's clock is about ${amount} ${direction}`,
            `Compared with this device, the server's Date header is ${amount} ${direction}. Tokens it issues or checks ` +
              'will look expired or not yet valid elsewhere. Sync it with NTP (chrony or systemd-timesyncd).',
            quote,
          ),
    );
  }
  if (uncertaintyMs > CLOCK_SKEW_LIMIT_MS) {
    findings.push(
      makeFinding(
        'clock-check-imprecise',
        'The request took too long for a precise clock check',
        `The round trip took ${duration(roundTripMs)}, so the offset can be wrong by up to ${duration(uncertaintyMs)}. Try again on a faster connection.`,
        quote,
      ),
    );
  }
  return { ok: true, serverTime: new Date(parsed), offsetMs, roundTripMs, uncertaintyMs, skewed, direction, findings };
}
