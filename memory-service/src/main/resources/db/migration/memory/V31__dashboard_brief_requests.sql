-- Issue 6, expand only: the dashboard's brief requests (preview a date, send now) and
-- briefing-service's first answer to each (BriefRequestAnswered on stevens.brief-answers.v1).
create table dashboard_brief_requests (
    request_id   uuid primary key,
    household_id uuid        not null,
    kind         text        not null,
    brief_date   date,
    requested_by text,
    requested_at timestamptz not null,
    outcome      text,
    content      text,
    composer     text,
    memory_ids   uuid[]      not null default '{}',
    detail       text,
    answered_at  timestamptz
);

create index dashboard_brief_requests_recent
    on dashboard_brief_requests (household_id, requested_at desc);
