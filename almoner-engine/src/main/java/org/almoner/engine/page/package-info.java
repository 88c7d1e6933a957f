/**
 * Self-contained HTML pages people can open, print and email: NHS.UK design system colours and type, no scripts,
 * no external files, tables rendered straight from DuckDB queries. Used by stratification, cohorts and statements.
 */
package org.almoner.engine.page;
