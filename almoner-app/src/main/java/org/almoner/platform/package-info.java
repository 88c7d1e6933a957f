/**
 * The platform for personal health budget teams, coordinators, approvers, panels and budget holders.
 *
 * <p>Each sub-package is one capability (a Spring Modulith application module): {@code people},
 * {@code referrals}, {@code pathways}, {@code plans}, {@code budgets}, {@code reviews}, with
 * {@code access} and {@code audit} guarding every read and write of a person's data.
 */
package org.almoner.platform;
