/**
 * Data quality: the four checks of the handbook (2019, 5.2.3) per source and field —
 * completeness, validity, timeliness and use of defaults — as a machine-readable report and a
 * readable HTML page.
 */
package org.almoner.engine.quality;
