-- Placeholder on the desk-library branch only: desk-audit's migration 0008 (source roles) takes this number, and
-- migrations must run without gaps, so this branch holds an empty one. At merge, desk-audit's file replaces it.
SELECT 1;
