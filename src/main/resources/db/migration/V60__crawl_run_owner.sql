-- Which process runs a crawl ("host:pid:process start in epoch ms"), so that a start-up can
-- tell the runs of a process that died (kill -9, power cut) from those another live node is
-- running: the former are marked INTERRUPTED at once instead of showing RUNNING until the
-- source's next run. Runs recorded before this column have no owner and count as dead.
ALTER TABLE crawl_run ADD COLUMN owner TEXT;
CREATE INDEX crawl_run_running_idx ON crawl_run (status) WHERE status = 'RUNNING';
