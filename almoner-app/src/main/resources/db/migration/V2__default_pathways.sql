-- Starting pathways for the cohorts with a legal right to have a personal health budget and one
-- local cohort. Every team changes these to fit its own arrangements (PUT /api/pathways/{cohort}).
INSERT INTO pathways (cohort, description, identifies, refers, assesses, agrees_budget_and_plan, approves, reviews, panel,
                      approval_tolerance_percent, panel_threshold, approval_due_days, updated_by, updated_at)
VALUES
('CHC', 'Adults eligible for NHS Continuing Healthcare (legal right to have)',
 'Continuing healthcare team from the decision support tool', 'Continuing healthcare nurse assessor',
 'Continuing healthcare team', 'Personal health budget coordinator with the person', 'Budget approver',
 'Continuing healthcare nurse assessor', 'Personal health budget panel', 10.00, 100000.00, 10, 'migration', now()),
('CHILDRENS_CONTINUING_CARE', 'Children and young people eligible for continuing care (legal right to have)',
 'Children''s continuing care team', 'Children''s continuing care nurse', 'Children''s continuing care team',
 'Personal health budget coordinator with the family', 'Budget approver', 'Children''s continuing care nurse',
 'Children''s continuing care panel', 10.00, 80000.00, 10, 'migration', now()),
('SECTION_117', 'People entitled to section 117 aftercare (legal right to have)',
 'Community mental health team', 'Care coordinator', 'Community mental health team',
 'Personal health budget coordinator with the person', 'Budget approver', 'Care coordinator',
 'Section 117 panel', 10.00, 50000.00, 10, 'migration', now()),
('WHEELCHAIR', 'People whose posture and mobility needs are met by the wheelchair service (personal wheelchair budget)',
 'Wheelchair service', 'GP, therapist or self-referral', 'Wheelchair service therapist',
 'Wheelchair service therapist with the person', 'Wheelchair service manager', 'Wheelchair service therapist',
 'Wheelchair service governance group', 15.00, 10000.00, 15, 'migration', now()),
('LONG_TERM_CONDITIONS', 'Adults with several long-term conditions and high use of unplanned care (local criteria)',
 'Primary care network from risk stratification', 'GP or community matron', 'Integrated neighbourhood team',
 'Personal health budget coordinator with the person', 'Budget approver', 'Integrated neighbourhood team',
 'Personalised care panel', 10.00, 25000.00, 10, 'migration', now());
