/**
 * Sign-in, roles and sessions: who the caller is ({@link org.almoner.platform.access.Actor}), the
 * accounts they sign in with, session rules (new id at sign-in, inactivity and absolute timeouts,
 * every session ended when an account is disabled), and auditing of refused requests.
 */
package org.almoner.platform.access;
