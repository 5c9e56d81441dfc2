-- A file that an earlier run could not read, read now: its 'unreadable' quarantine row and its ledger entry give
-- way to what the file really holds. run_files (registered) lists the files this run read, $run_id is this run.
delete from intake
where reason_code = 'unreadable_file' and run_id <> $run_id
  and source_file in (select source_file from run_files where size_bytes is not null);
delete from files
where size_bytes is null and run_id <> $run_id
  and source_file in (select source_file from run_files where size_bytes is not null);
