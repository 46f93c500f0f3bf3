-- Programmes (issue 16): calls that are rounds of one programme (same funder, the donor's
-- reference stem, programme name, title likeness, source). The grouping is kept here; the
-- forecast of the next window is computed from the rounds when read.
create table programme (
    id          bigserial primary key,
    funder_key  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- One row per call: the programme it is a round of, and the signals it was grouped by
-- (kept so that a new call is compared without reading every call again).
create table programme_round (
    call_id         bigint primary key references call (id) on delete cascade,
    programme_id    bigint      not null references programme (id) on delete cascade,
    funder_key      text        not null,
    reference_stem  text,
    programme_name  text,
    title_words     text        not null,
    source_id       text,
    -- NEW (first round), SIGNALS (joined by the signals, with its score) or ADMIN (split or
    -- merged by hand: never moved again by the signals)
    joined_by       text        not null,
    score           double precision,
    assigned_at     timestamptz not null
);

create index programme_round_funder on programme_round (funder_key);
create index programme_round_programme on programme_round (programme_id);
