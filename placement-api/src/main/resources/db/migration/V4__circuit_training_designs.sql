-- Circuit Training designs (runs on H2 in MODE=PostgreSQL and on PostgreSQL alike).
-- design.format 'circuittraining': design.aux_path holds the path of the .pb.txt, design.lef_paths its
-- floorplan files, the LEFs in reading order then the DEF (none without a floorplan).
-- The .plc of a job on a Circuit Training design, gzipped (null for other designs).
alter table job_result add column placement_plc_gz bytea;
