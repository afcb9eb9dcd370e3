/**
 * What the Diagnose page reports after an analysis: a "finding shown" event
 * per finding (ids and status only), and a summary for this tab's support
 * request (status, auth scheme names, finding ids: never the paste).
 */
import { DIAGNOSE_KEY, diagnoseSummary } from '../lib/support-text';
import { report } from './outcome-events';

export function reportAnalysis(analysis: Parameters<typeof diagnoseSummary>[0]): void {
  try {
    const summary = diagnoseSummary(analysis);
    for (const finding of summary.findings) report(summary.status === undefined ? { type: 'finding-shown', finding } : { type: 'finding-shown', finding, status: summary.status });
    try {
      sessionStorage.setItem(DIAGNOSE_KEY, JSON.stringify(summary));
    } catch {
      // storage off: the request just cannot offer the findings
    }
  } catch {
    // never let reporting break the analyzer
  }
}
