-- Owners, API keys and the audit trail (runs on H2 in MODE=PostgreSQL and on PostgreSQL alike).
-- Every design, job and sweep belongs to the owner who created it; rows from before this migration
-- belong to 'local', the one owner of chipplace.auth.mode=none.
alter table design add column owner_name varchar(200) default 'local' not null;
alter table placement_job add column owner_name varchar(200) default 'local' not null;
alter table sweep add column owner_name varchar(200) default 'local' not null;
create index design_owner_idx on design (owner_name);
create index placement_job_owner_idx on placement_job (owner_name);
create index placement_job_design_idx on placement_job (design_id);
create index sweep_owner_idx on sweep (owner_name);

-- Named API keys (chipplace.auth.mode=api-key): only a PasswordEncoder hash of the secret is kept.
create table api_key (
    id          uuid primary key,
    owner_name  varchar(200) not null,
    key_hash    varchar(200) not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

-- One row per upload, result download, deletion, key change and failed authentication.
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamp with time zone not null,
    owner_name     varchar(200),
    action         varchar(40) not null,
    object_id      varchar(200),
    client_address varchar(100)
);
create index audit_event_at_idx on audit_event (occurred_at);
