/**
 * Working calendars: public holidays (closed or reduced hours) and extra working days per country, optionally per
 * location overriding its country; seeded from official announcements and the Jollyday library, editable by
 * administrators, every change recorded in the audit trail (entity CALENDAR, before and after). {@link io.spareflow.calendar.WorkingCalendars} gives each location its
 * {@link io.spareflow.common.BusinessHours.Timetable}.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "common", "location", "tier"})
package io.spareflow.calendar;
