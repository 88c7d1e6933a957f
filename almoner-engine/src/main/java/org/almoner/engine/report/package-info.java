/**
 * Self-contained HTML report pages in the style of the NHS.UK service manual, with inline SVG charts:
 * no scripts, fonts or images fetched, so a page opens offline and prints.
 */
package org.almoner.engine.report;
