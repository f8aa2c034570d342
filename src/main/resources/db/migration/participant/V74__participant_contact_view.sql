-- Published for outreach's reminders (issue 19 point 7): a participant's phone number as entered, with status and
-- region, so that the day's reminders are generated in one set-based pass without reading the table.
CREATE VIEW participant_contact_v AS
SELECT id AS participant_id, phone, region_code, status FROM participant;
