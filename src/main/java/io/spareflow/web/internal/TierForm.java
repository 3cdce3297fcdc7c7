package io.spareflow.web.internal;

import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import java.util.List;
import java.util.Map;

/**
 * The administration's edit form of one service tier, kept as typed (text) so that a refused entry is shown back as
 * it was typed, next to the reason.
 */
record TierForm(String description, String calendar, String acceptMinutes, String remoteDiagnosisMinutes,
                boolean advanceExchange, String spareOnSiteMinutes, String defectiveReturnDays,
                String defectiveReturnReminderDays, String overdueChargeDays) {

    static TierForm of(ServiceTier tier) {
        return new TierForm(tier.description(), tier.calendar().name(), String.valueOf(tier.acceptMinutes()),
                String.valueOf(tier.remoteDiagnosisMinutes()), tier.advanceExchange(),
                tier.spareOnSiteMinutes() == null ? "" : String.valueOf(tier.spareOnSiteMinutes()),
                String.valueOf(tier.defectiveReturnDays()), String.valueOf(tier.defectiveReturnReminderDays()),
                String.valueOf(tier.overdueChargeDays()));
    }

    /** The posted form; an unchecked checkbox is not posted at all. */
    static TierForm posted(Map<String, String> params) {
        return new TierForm(params.get("description"), params.get("calendar"), params.get("acceptMinutes"),
                params.get("remoteDiagnosisMinutes"), params.containsKey("advanceExchange"),
                params.get("spareOnSiteMinutes"), params.get("defectiveReturnDays"),
                params.get("defectiveReturnReminderDays"), params.get("overdueChargeDays"));
    }

    /**
     * The tier this form describes, for bean validation; null when a field cannot even be read (not a whole number,
     * not a calendar), with the reason added to {@code errors}.
     */
    ServiceTier toTier(String name, List<String> errors) {
        int before = errors.size();
        TierCalendar tierCalendar = null;
        try {
            tierCalendar = TierCalendar.valueOf(calendar == null ? "" : calendar.trim());
        } catch (IllegalArgumentException e) {
            errors.add("calendar must be one of " + List.of(TierCalendar.values()));
        }
        Integer accept = whole("acceptMinutes", acceptMinutes, errors);
        Integer remoteDiagnosis = whole("remoteDiagnosisMinutes", remoteDiagnosisMinutes, errors);
        Integer spareOnSite = spareOnSiteMinutes == null || spareOnSiteMinutes.isBlank() ? null
                : whole("spareOnSiteMinutes", spareOnSiteMinutes, errors);
        Integer returnDays = whole("defectiveReturnDays", defectiveReturnDays, errors);
        Integer reminderDays = whole("defectiveReturnReminderDays", defectiveReturnReminderDays, errors);
        Integer chargeDays = whole("overdueChargeDays", overdueChargeDays, errors);
        if (errors.size() > before) {
            return null;
        }
        return new ServiceTier(name, description == null ? null : description.trim(), tierCalendar, accept,
                remoteDiagnosis, advanceExchange, spareOnSite, returnDays, reminderDays, chargeDays);
    }

    private static Integer whole(String field, String value, List<String> errors) {
        try {
            return Integer.valueOf(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            errors.add(field + " must be a whole number (was '" + (value == null ? "" : value) + "')");
            return null;
        }
    }
}
