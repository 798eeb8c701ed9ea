import { z } from '../zod.js';

/**
 * Durations (first response, resolution) kept as histograms of counts, so that a median or
 * a p90 comes out of sums of counts, which triggers can keep with increment(). The fine
 * buckets below are what the stats documents hold; the report shows the coarser ones the
 * desk asked for (under 1 h, 1-4 h, 4-8 h, 8-24 h, over 24 h), each a union of fine ones.
 * A bucket holds durations from the edge before it (inclusive) to its own edge (exclusive).
 */
export const durationBuckets = [
  { id: 'm15', upToHours: 0.25 },
  { id: 'm30', upToHours: 0.5 },
  { id: 'h1', upToHours: 1 },
  { id: 'h2', upToHours: 2 },
  { id: 'h3', upToHours: 3 },
  { id: 'h4', upToHours: 4 },
  { id: 'h6', upToHours: 6 },
  { id: 'h8', upToHours: 8 },
  { id: 'h12', upToHours: 12 },
  { id: 'h16', upToHours: 16 },
  { id: 'h24', upToHours: 24 },
  { id: 'h48', upToHours: 48 },
  { id: 'h72', upToHours: 72 },
  { id: 'h168', upToHours: 168 },
  { id: 'over', upToHours: Number.POSITIVE_INFINITY },
] as const;

export type DurationBucketId = (typeof durationBuckets)[number]['id'];
export const durationBucketIds = durationBuckets.map((bucket) => bucket.id) as DurationBucketId[];

/** The longest duration a bucket bounds: beyond it a quantile only says "over 7 days". */
export const LONGEST_BUCKETED_HOURS = 168;

/** The buckets the report shows, by the fine buckets they gather. */
export const shownDurationBuckets = [
  { id: 'under_1h', label: 'Under 1 h', fine: ['m15', 'm30', 'h1'] },
  { id: 'h1_4', label: '1-4 h', fine: ['h2', 'h3', 'h4'] },
  { id: 'h4_8', label: '4-8 h', fine: ['h6', 'h8'] },
  { id: 'h8_24', label: '8-24 h', fine: ['h12', 'h16', 'h24'] },
  { id: 'over_24h', label: 'Over 24 h', fine: ['h48', 'h72', 'h168', 'over'] },
] as const satisfies ReadonlyArray<{ id: string; label: string; fine: readonly DurationBucketId[] }>;

export type Histogram = Record<DurationBucketId, number>;

const counter = z._default(z.int(), 0);
export const histogramSchema = z.prefault(
  z.object(Object.fromEntries(durationBucketIds.map((id) => [id, counter])) as Record<DurationBucketId, typeof counter>),
  {},
);

/** The fine bucket a duration falls in; a negative duration (clock skew) counts as none. */
export function durationBucketOf(from: Date, to: Date): DurationBucketId {
  const hours = Math.max(0, to.getTime() - from.getTime()) / 3_600_000;
  return durationBuckets.find((bucket) => hours < bucket.upToHours)!.id;
}

export function emptyHistogram(): Histogram {
  return histogramSchema.parse({});
}

export function addHistograms(a: Histogram, b: Histogram): Histogram {
  return Object.fromEntries(durationBucketIds.map((id) => [id, a[id] + b[id]])) as Histogram;
}

export function histogramTotal(histogram: Histogram): number {
  return durationBucketIds.reduce((sum, id) => sum + histogram[id], 0);
}

/**
 * The q-quantile (0.5: median, 0.9: p90) in hours, interpolated linearly inside its bucket;
 * null without any duration. In the open last bucket it is that bucket's lower edge (the
 * report says "over 7 d").
 */
export function histogramQuantile(histogram: Histogram, q: number): number | null {
  const total = histogramTotal(histogram);
  if (total === 0) return null;
  const rank = q * total;
  let before = 0;
  let lower = 0;
  for (const bucket of durationBuckets) {
    const count = histogram[bucket.id];
    if (count > 0 && before + count >= rank) {
      if (!Number.isFinite(bucket.upToHours)) return lower;
      return lower + ((bucket.upToHours - lower) * (rank - before)) / count;
    }
    before += count;
    lower = bucket.upToHours;
  }
  return lower;
}

/** The report's coarse distribution. */
export function shownDistribution(histogram: Histogram): { id: string; label: string; count: number }[] {
  return shownDurationBuckets.map((bucket) => ({
    id: bucket.id,
    label: bucket.label,
    count: bucket.fine.reduce((sum, id) => sum + histogram[id], 0),
  }));
}

/** A duration in hours as people read it: "45 min", "3.5 h", "2.1 d", "over 7 d". */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours >= LONGEST_BUCKETED_HOURS) return 'over 7 d';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}
