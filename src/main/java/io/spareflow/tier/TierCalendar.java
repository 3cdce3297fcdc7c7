package io.spareflow.tier;

/** What a tier's time limits count: every minute, or only the business hours of the responsible location. */
public enum TierCalendar {
    ALWAYS,
    BUSINESS_HOURS
}
