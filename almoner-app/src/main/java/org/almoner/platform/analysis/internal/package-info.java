/** How analyses are run and their tables read: the engine's commands in order, and DuckDB queries over their files. */
package org.almoner.platform.analysis.internal;
