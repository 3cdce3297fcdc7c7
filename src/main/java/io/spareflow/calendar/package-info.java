/**
 * Working calendars: public holidays (closed or reduced hours) and extra working days per country, optionally per
 * location overriding its country; seeded from official announcements and the Jollyday library, editable by
 * administrators, every change recorded. {@link io.spareflow.calendar.WorkingCalendars} gives each location its
 * {@link io.spareflow.common.BusinessHours.Timetable}.
 */
package io.spareflow.calendar;
