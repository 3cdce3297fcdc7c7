package io.spareflow.kpi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every KPI of a period, each with the counts it is computed from (numerator and denominator), so a reader can check
 * it. Percentages and rates are null when their denominator is zero. Durations are in hours.
 */
record KpiReport(Period period, Filters filters, List<StepCompliance> slaCompliance, Dpmo dpmo, Double sigmaLevel,
                 FillRate fillRate, Durations spareOnSite, Durations repairTurnaround, List<LegDurations> legs,
                 NffRate nffRate, DefectiveReturn defectiveReturn, Ratio firstOwnerClosure, Satisfaction satisfaction,
                 List<Month> monthly) {

    record Period(LocalDate from, LocalDate to, Instant computedAt) {
    }

    record Filters(String tier, String productLine, String customer, String region) {
    }

    /** {@code percent} = numerator ÷ denominator × 100. */
    record Ratio(long numerator, long denominator, Double percent) {
        static Ratio of(long numerator, long denominator) {
            return new Ratio(numerator, denominator, denominator == 0 ? null : 100.0 * numerator / denominator);
        }
    }

    /** Defects per million opportunities. */
    record Dpmo(long defects, long opportunities, Double value) {
        static Dpmo of(long defects, long opportunities) {
            return new Dpmo(defects, opportunities, opportunities == 0 ? null : 1e6 * defects / opportunities);
        }
    }

    /**
     * Clocks of a step due in the period: met in time, breached (late, or unmet past due), open (due later, not met).
     * {@code percent} = met ÷ (met + breached); the opportunities of the DPMO are the decided clocks (met + breached).
     */
    record StepCompliance(String step, long due, long met, long breached, long open, Double percent, Dpmo dpmo,
                          Double sigmaLevel) {
    }

    /**
     * First spare request of each case made in the period: served from stock at that attempt within the tier's limit
     * (numerator) of all first requests (denominator); backorders placed in the period and how long the served ones
     * waited ({@code meanBackorderHours} = {@code backorderHours} ÷ {@code backordersServed}).
     */
    record FillRate(long numerator, long denominator, Double percent, long backorders, long backordersServed,
                    double backorderHours, Double meanBackorderHours) {
    }

    /** Durations ending in the period: {@code mean} = {@code totalHours} ÷ {@code count}; median and p90 interpolated. */
    record Durations(long count, double totalHours, Double meanHours, Double medianHours, Double p90Hours,
                     List<Bucket> histogram) {
    }

    /** How many durations fall in [fromHours, toHours); the last bucket is open-ended ({@code toHours} null). */
    record Bucket(double fromHours, Double toHours, long count) {
    }

    record LegDurations(LegType leg, Durations durations) {
    }

    /** Repairs finished in the period: no fault found (numerator) of all finished (denominator); scrap the same way. */
    record NffRate(long numerator, long denominator, Double percent, Ratio scrapRate, List<RepeatNff> repeatNff) {
    }

    /** A unit found without fault again (suspected rogue). */
    record RepeatNff(String serial, String partNumber, String caseNumber, Instant completedAt) {
    }

    /**
     * DEFECTIVE_RETURN clocks due in the period: returned within the due days (numerator) of decided returns
     * (denominator: returned in time + overdue); charge-flagged cases listed for billing.
     */
    record DefectiveReturn(long due, long returnedInTime, long overdue, long open, Double percent, long chargeFlagged,
                           List<ChargeFlagged> chargeFlaggedCases) {
    }

    record ChargeFlagged(String caseNumber, String customerCode, String faultySerial, Instant dueAt, Instant returnedAt) {
    }

    /**
     * Cases closed in the period (surveyed) and the answers given for them: response rate = responses ÷ closed,
     * mean score = scoreSum ÷ responses, satisfied = scores 4–5 ÷ responses.
     */
    record Satisfaction(long closedCases, long responses, Ratio responseRate, long scoreSum, Double meanScore,
                        Ratio satisfied, List<Comment> comments) {
    }

    record Comment(String caseNumber, int score, String comment, Instant answeredAt) {
    }

    /** The additive figures month by month (UTC calendar months of the period), for trends. */
    record Month(String month, List<StepCompliance> slaCompliance, Dpmo dpmo, Double sigmaLevel, Ratio fillRate,
                 Ratio nffRate, Ratio firstOwnerClosure, Satisfaction satisfaction) {
    }
}
