-- Who enrolled a membership (the signed-in user, or "system"): the write policy lets a field agent change the
-- declared income only of the BPU memberships they enrolled themselves (docs/decisions.md, "Write policy").
-- Memberships from before this column keep NULL: no agent owns them, officers change them as before. The audit
-- trail's MEMBERSHIP_STARTED line names the same actor; this column is the one a policy check can read in one row.
ALTER TABLE membership ADD COLUMN enrolled_by VARCHAR(60);
