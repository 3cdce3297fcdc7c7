-- Working calendars: per country (location_code null) or per location overriding its country, one row per year.
create table calendar_year (
    id          bigserial primary key,
    country     varchar(2)   not null,
    location_code varchar(16),
    year        integer      not null check (year between 2000 and 2100),
    source      varchar(1000) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);
create unique index calendar_year_key on calendar_year (country, year, coalesce(location_code, ''));

-- The days that depart from the weekly hours: closed, reduced hours, or an extra working day (调休).
create table calendar_day (
    calendar_year_id bigint      not null references calendar_year (id) on delete cascade,
    day              date        not null,
    kind             varchar(16) not null check (kind in ('CLOSED', 'REDUCED_HOURS', 'WORKING_DAY')),
    opens            time,
    closes           time,
    name             varchar(200) not null,
    primary key (calendar_year_id, day),
    check ((kind = 'REDUCED_HOURS') = (opens is not null and closes is not null)),
    check (opens is null or opens < closes)
);

-- Append-only record of every change to a calendar (who, when, what), until a shared audit trail exists.
create table calendar_change (
    id            bigserial primary key,
    country       varchar(2)   not null,
    location_code varchar(16),
    year          integer      not null,
    changed_at    timestamptz  not null,
    changed_by    varchar(100) not null,
    source        varchar(1000) not null,
    days_before   integer      not null,
    days_after    integer      not null,
    summary       text         not null
);
create index calendar_change_by_calendar on calendar_change (country, year, changed_at);

create function calendar_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'calendar_change is append-only';
end
$$;
create trigger calendar_change_append_only before update or delete on calendar_change
    for each row execute function calendar_change_is_append_only();
