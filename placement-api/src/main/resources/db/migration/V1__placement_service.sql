-- Schema of the placement service; the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
-- JobRunr keeps its own tables (jobrunr_*), created by JobRunr itself.

create table design (
    id           uuid primary key,
    name         varchar(200) not null,
    aux_path     varchar(500) not null,
    checksum     varchar(64)  not null,
    size_bytes   bigint       not null,
    nodes        integer      not null,
    nets         integer      not null,
    pins         integer      not null,
    movable      integer      not null,
    macros       integer      not null,
    cells        integer      not null,
    fixed_nodes  integer      not null,
    core_xl      double precision not null,
    core_yl      double precision not null,
    core_xh      double precision not null,
    core_yh      double precision not null,
    created_at   timestamp with time zone not null
);
create index design_checksum_idx on design (checksum);

create table design_file (
    id         uuid primary key,
    design_id  uuid not null references design (id) on delete cascade,
    path       varchar(500) not null,
    size_bytes bigint not null,
    content    bytea not null,
    constraint design_file_path_uk unique (design_id, path)
);

create table sweep (
    id           uuid primary key,
    request_json varchar not null,
    created_at   timestamp with time zone not null
);

create table placement_job (
    id               uuid primary key,
    design_id        uuid references design (id),
    benchmark        varchar(200),
    design_name      varchar(200) not null,
    macro_placer     varchar(40)  not null,
    seed             bigint       not null,
    fine_tune_steps  integer      not null,
    options_json     varchar      not null,
    sweep_id         uuid references sweep (id),
    config_name      varchar(200),
    status           varchar(20)  not null,
    stage            varchar(40),
    percent          double precision not null,
    hpwl             double precision,
    overflow         double precision,
    error            varchar,
    cancel_requested boolean      not null,
    attempts         integer      not null,
    worker           varchar(200),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    updated_at       timestamp with time zone not null
);
create index placement_job_status_idx on placement_job (status);
create index placement_job_sweep_idx on placement_job (sweep_id);

create table job_result (
    job_id          uuid primary key references placement_job (id) on delete cascade,
    hpwl            double precision not null,
    weighted_hpwl   double precision not null,
    macro_hpwl      double precision not null,
    overflow        double precision not null,
    legal           boolean not null,
    seconds         double precision not null,
    report_json     varchar not null,
    placement_gz    bytea not null,
    layout_svg      varchar not null,
    congestion_png  bytea not null,
    created_at      timestamp with time zone not null
);

-- One row per start of a job on a worker (audit trail; shows re-runs after crashes).
create table job_execution (
    id          uuid primary key,
    job_id      uuid not null references placement_job (id) on delete cascade,
    worker      varchar(200) not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    outcome     varchar(20)
);
create index job_execution_job_idx on job_execution (job_id);
