-- The bounds the API checks at the edge (ProjectForm, the rule draft endpoint), kept by the
-- database too, so that no other path (a script, a future form) stores what the API refuses.
-- NOT VALID: rows stored before are not re-checked (an upgrade never fails on old data);
-- every insert and update from now on is.
ALTER TABLE project
    ADD CONSTRAINT project_code_len        CHECK (char_length(code) BETWEEN 1 AND 60) NOT VALID,
    ADD CONSTRAINT project_title_len       CHECK (char_length(title) BETWEEN 1 AND 300) NOT VALID,
    ADD CONSTRAINT project_description_len CHECK (char_length(description) <= 5000) NOT VALID,
    ADD CONSTRAINT project_currency_iso    CHECK (currency ~ '^[A-Z]{3}$') NOT VALID,
    ADD CONSTRAINT project_amounts_range   CHECK (budget BETWEEN 0 AND 1000000000000
                                                  AND requested_amount BETWEEN 0 AND 1000000000000
                                                  AND co_financing_available BETWEEN 0 AND 1000000000000) NOT VALID,
    ADD CONSTRAINT project_duration_range  CHECK (duration_months BETWEEN 1 AND 240) NOT VALID,
    ADD CONSTRAINT project_lists_len       CHECK (cardinality(themes) <= 20 AND cardinality(partners) <= 50
                                                  AND cardinality(languages) <= 10) NOT VALID;

-- A rule, parameter or test file (RulesAdminController.MAX_FILE_CHARS).
ALTER TABLE rule_draft
    ADD CONSTRAINT rule_draft_content_len CHECK (char_length(content) <= 262144) NOT VALID;
