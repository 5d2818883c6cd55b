-- What a reviewer knows about, in their own words, for editors looking for reviewers.
alter table account add column expertise text check (length(expertise) <= 500);

-- Reminders to reviewers: the last one of any kind, and the two automatic ones (a few days before
-- the due date, a few days after it), each claimed by one statement so that it is sent once,
-- however many instances look for due reminders at the same time.
alter table review_assignment add column reminded_at timestamptz;
alter table review_assignment add column early_reminder_at timestamptz;
alter table review_assignment add column late_reminder_at timestamptz;
create index review_assignment_open_due_idx on review_assignment (due_on)
  where state in ('INVITED', 'ACCEPTED');
