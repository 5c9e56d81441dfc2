-- A file an earlier run found where no parser reads it (an unknown channel folder or file type), read now where it
-- fits (an operator moved it): its quarantine row and its ledger entry give way to its records. run_files
-- (registered) lists the files this run read, each with `misplaced_as`, the key its bytes had in a wrong place
-- (flows/inbox.misplaced_hash); $run_id is this run.
delete from intake
where reason_code in ('unknown_channel', 'unknown_file_type') and run_id <> $run_id
  and file_hash in (select misplaced_as from run_files);
delete from files
where run_id <> $run_id and file_hash in (select misplaced_as from run_files);
