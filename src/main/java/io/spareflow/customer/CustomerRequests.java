package io.spareflow.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies of the customer administration (POST and PUT under /api/customers). */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    /** A customer; {@code code} only when creating (2–20 of A–Z, 0–9, '-'). */
    public record Customer(
            @Pattern(regexp = "[A-Za-z0-9-]{2,20}", message = "must be 2 to 20 of A-Z, 0-9 and '-'") String code,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be two upper-case letters (ISO 3166)") String country) {
    }

    /**
     * A network site with its coordinates and IANA time zone (e.g. Asia/Shanghai); optionally its Chinese name and
     * city ({@code nameZh}, {@code cityZh}) for a domestic operator's site, shown to Chinese readers.
     */
    public record Site(
            @NotBlank @Size(max = 160) String name,
            @NotBlank @Size(max = 80) String city,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be two upper-case letters (ISO 3166)") String country,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotBlank @Size(max = 40) String timeZone,
            @Size(max = 160) String nameZh,
            @Size(max = 80) String cityZh) {
    }

    /** A person who receives case mail in their locale. */
    public record Contact(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String locale) {
    }

    /** A service contract; {@code contractNumber} only when creating. */
    public record Contract(
            @Pattern(regexp = "[A-Za-z0-9/_-]{2,30}", message = "must be 2 to 30 of A-Z, 0-9, '/', '_' and '-'") String contractNumber,
            @NotBlank String tier,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo) {

        @AssertTrue(message = "validTo must not be before validFrom")
        public boolean isPeriodOrdered() {
            return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
        }
    }
}
