package io.spareflow.tier.internal;

import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "service_tier")
public class ServiceTierEntity {

    @Id
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private TierCalendar calendar;
    @Column(name = "accept_minutes")
    private int acceptMinutes;
    @Column(name = "remote_diagnosis_minutes")
    private int remoteDiagnosisMinutes;
    @Column(name = "advance_exchange")
    private boolean advanceExchange;
    @Column(name = "spare_on_site_minutes")
    private Integer spareOnSiteMinutes;
    @Column(name = "defective_return_days")
    private int defectiveReturnDays;
    @Column(name = "defective_return_reminder_days")
    private int defectiveReturnReminderDays;
    @Column(name = "overdue_charge_days")
    private int overdueChargeDays;
    @Version
    private long version;

    protected ServiceTierEntity() {
    }

    public ServiceTierEntity(String name, ServiceTier limits) {
        this.name = name;
        update(limits);
    }

    public void update(ServiceTier t) {
        description = t.description();
        calendar = t.calendar();
        acceptMinutes = t.acceptMinutes();
        remoteDiagnosisMinutes = t.remoteDiagnosisMinutes();
        advanceExchange = t.advanceExchange();
        spareOnSiteMinutes = t.spareOnSiteMinutes();
        defectiveReturnDays = t.defectiveReturnDays();
        defectiveReturnReminderDays = t.defectiveReturnReminderDays();
        overdueChargeDays = t.overdueChargeDays();
    }

    public ServiceTier toTier() {
        return new ServiceTier(name, description, calendar, acceptMinutes, remoteDiagnosisMinutes, advanceExchange,
                spareOnSiteMinutes, defectiveReturnDays, defectiveReturnReminderDays, overdueChargeDays);
    }
}
