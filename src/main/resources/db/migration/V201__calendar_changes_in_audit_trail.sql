-- Calendar changes are recorded in the general audit trail (entity CALENDAR) from now on: the calendar's own record
-- of changes moves there, each entry with its source and day counts (the days themselves were never kept), and goes.
insert into audit_entry (at, actor, entity, entity_id, action, before_value, after_value)
select changed_at, left(changed_by, 40), 'CALENDAR',
       country || coalesce('/' || location_code, '') || ' ' || year,
       case when days_before = 0 and summary like 'seeded%' then 'CREATE' else 'UPDATE' end,
       case when days_before = 0 and summary like 'seeded%' then null else jsonb_build_object('dayCount', days_before) end,
       jsonb_build_object('source', source, 'dayCount', days_after, 'summary', summary)
from calendar_change
order by id;

drop table calendar_change;
drop function calendar_change_is_append_only();
