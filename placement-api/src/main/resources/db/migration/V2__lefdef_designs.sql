-- LEF/DEF designs (runs on H2 in MODE=PostgreSQL and on PostgreSQL alike).
-- design.format: 'bookshelf' (every design uploaded before this migration) or 'lefdef'. For a LEF/DEF
-- design, design.aux_path holds the path of its .def and design.lef_paths the paths of its LEF files
-- in reading order, one per line.
alter table design add column format varchar(20) default 'bookshelf' not null;
alter table design add column lef_paths varchar;

-- The placed DEF of a job on a LEF/DEF design, gzipped (null for Bookshelf designs).
alter table job_result add column placement_def_gz bytea;
