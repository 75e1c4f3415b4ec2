package dev.annals.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles (milliseconds) of an HdrHistogram recorded in microseconds. */
record Latency(long count, double p50, double p99, double max, double mean) {

    static Histogram histogram() {
        return new Histogram(120_000_000L, 3);
    }

    /** Records {@code nanos} into a microsecond histogram, clamped to its range. */
    static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(0, Math.min(nanos / 1000, 120_000_000L)));
    }

    static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getMean() / 1000.0);
    }

    /** {@code p50 / p99 / max} in ms. */
    String brief() {
        return Report.ms(p50) + " / " + Report.ms(p99) + " / " + Report.ms(max);
    }
}
