/**
 * The one {@code almoner} command line: every engine stage and the platform as subcommands.
 *
 * <p>It lives in the app module because it is the top of the dependency graph: it can reach the
 * engine's commands and, with the platform, {@code serve}.
 */
package org.almoner.cli;
