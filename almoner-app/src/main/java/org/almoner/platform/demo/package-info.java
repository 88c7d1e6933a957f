/**
 * The demonstration set-up: when the platform starts with a generated population
 * ({@code almoner demo}), it opens one account per role and records people from that population,
 * linked to their pseudonymised analytics records, so a new user can try every step.
 */
package org.almoner.platform.demo;
