package io.spareflow.tier;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A service tier of a customer's contract: the time limit of each step, in minutes of its {@link TierCalendar}.
 * {@code spareOnSiteMinutes} is set exactly when the tier includes advance exchange (a spare ships before the defective
 * board comes back); BRONZE is repair-and-return.
 */
public record ServiceTier(
        String name,
        @NotBlank @Size(max = 200) String description,
        @NotNull TierCalendar calendar,
        @Min(1) int acceptMinutes,
        @Min(1) int remoteDiagnosisMinutes,
        boolean advanceExchange,
        @Min(1) Integer spareOnSiteMinutes,
        @Min(1) int defectiveReturnDays,
        @Min(0) int defectiveReturnReminderDays,
        @Min(1) int overdueChargeDays) {

    @AssertTrue(message = "spareOnSiteMinutes is required exactly when advanceExchange is true")
    public boolean isSpareLimitConsistent() {
        return advanceExchange == (spareOnSiteMinutes != null);
    }

    @AssertTrue(message = "overdueChargeDays must be later than defectiveReturnDays, and the reminder must come before the due day")
    public boolean isReturnLimitsOrdered() {
        return overdueChargeDays > defectiveReturnDays && defectiveReturnReminderDays < defectiveReturnDays;
    }
}
