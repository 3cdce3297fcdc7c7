-- A provisional year holds the standing rules only (e.g. China's statutory holidays without the year's 调休) until the
-- year's official announcement is loaded: it counts, and the administration page flags it.
alter table calendar_year add column provisional boolean not null default false;
