-- A person's position (jabatan), printed under their name where they sign, e.g. on a claim decision letter.
-- Empty for existing users: the letter then names their role.
ALTER TABLE app_user ADD COLUMN position VARCHAR(120);
