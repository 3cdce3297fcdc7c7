-- Violations the stall audit found: a case's waiting step that can no longer complete. One open row per case and
-- step (cleared_at null), so a violation is recorded on the timeline and escalated once, by whichever node finds it.
create table case_stall (
    id          bigserial primary key,
    case_number varchar(40)  not null,
    step        varchar(80)  not null,
    expected    varchar(300) not null,
    actual      varchar(300) not null,
    found_at    timestamptz  not null,
    cleared_at  timestamptz
);
create unique index case_stall_open_idx on case_stall (case_number, step) where cleared_at is null;
