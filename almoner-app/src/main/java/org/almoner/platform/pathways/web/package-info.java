/** The pathways API: read by everyone signed in, changed by commissioners and administrators. */
package org.almoner.platform.pathways.web;
