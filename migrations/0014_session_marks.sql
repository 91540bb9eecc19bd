-- Up Migration

-- What one regular session (workflows/regular-session.ts) leaves for the sessions after it, kept
-- beyond Temporal's retention, as senate_recall_bars is for 24-1(6): the count of regular sessions
-- of a maslikhat in a year (10(2): "не реже четырех раз в год") and how often a deputy was elected
-- session chair in a calendar year (18(3): "не более двух раз"). One row per fact; a retry of the
-- activity changes nothing; a rescheduled session adds a row with its new day (the latest counts).
CREATE TABLE maslikhat_session_marks (
  procedure_id  text NOT NULL REFERENCES procedures (procedure_id),
  maslikhat_id  text NOT NULL,
  -- convened: the session's day (decided); held: opened with a quorum; chair_elected: a deputy
  -- elected chair of the next session; chaired: the deputy who chairs this session
  mark          text NOT NULL CHECK (mark IN ('convened', 'held', 'chair_elected', 'chaired')),
  subject_id    text NOT NULL DEFAULT '',
  on_date       date NOT NULL,
  citation      jsonb NOT NULL,
  PRIMARY KEY (procedure_id, mark, subject_id, on_date)
);
CREATE INDEX maslikhat_session_marks_count ON maslikhat_session_marks (maslikhat_id, mark, subject_id, on_date);

CREATE TRIGGER maslikhat_session_marks_frozen BEFORE UPDATE OR DELETE ON maslikhat_session_marks
  FOR EACH ROW EXECUTE FUNCTION senate_recall_refuse_change();

GRANT SELECT, INSERT ON maslikhat_session_marks TO tartip_worker;

-- Down Migration

REVOKE ALL ON maslikhat_session_marks FROM tartip_worker;
DROP TABLE maslikhat_session_marks;
