-- The overview and the indicators count an organisation's people. With most of a million people in one
-- organisation the planner reads the whole table for it (380 ms at a million); an index of the organisation
-- alone is small (deduplicated, 7 MB at a million) and all-visible after a vacuum, so the count is an
-- index-only scan (130 ms). The organisation's budgets, reviews, plans and referrals are found by looking
-- each one's person up by primary key (see Indicators and OrganisationOverview), not by this index.
CREATE INDEX people_organisation ON people (responsible_organisation);
