-- A user's language is their choice (the language switch in the page header, or the administration's form); a user
-- who never chose one (NULL) reads the pages in their browser's language. Existing values are kept: they may have
-- been chosen.
ALTER TABLE app_user
    ALTER COLUMN locale DROP NOT NULL,
    ALTER COLUMN locale DROP DEFAULT;
