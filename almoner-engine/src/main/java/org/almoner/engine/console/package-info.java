/**
 * Talking to a person at a terminal: progress bars for long stages and plain-English summaries.
 */
package org.almoner.engine.console;
