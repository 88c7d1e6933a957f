/**
 * People who hold, or may come to hold, a personal budget: their details, representatives and
 * nominees, care team (current and past: a relationship is ended, never deleted, by
 * {@link org.almoner.platform.people.PersonRelationships}), the organisations involved with them, the link to their pseudonymised
 * analytics record, and {@link org.almoner.platform.people.PersonAccess}, which every module asks
 * before it reads or changes anything about a person.
 */
package org.almoner.platform.people;
