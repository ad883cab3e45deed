\set pilot random(0, 999)
\set month random(1, 12)
INSERT INTO pgbench_reading (pilot_id, kpi_code, period, value)
VALUES ('bench-' || :pilot, 'bench-output', '2020-' || lpad(:month::text, 2, '0'), random() * 100);
