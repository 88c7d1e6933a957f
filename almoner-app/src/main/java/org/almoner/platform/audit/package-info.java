/**
 * The audit trail: who read or changed whose record, in what role and organisation, when, for what
 * purpose, and every refused attempt. Entries are only ever added.
 */
package org.almoner.platform.audit;
