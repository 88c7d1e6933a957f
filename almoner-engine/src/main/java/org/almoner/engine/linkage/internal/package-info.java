/**
 * Hidden workings of probabilistic linkage: expectation-maximisation over comparison patterns,
 * clustering of links into persons, and the HTML report.
 */
package org.almoner.engine.linkage.internal;
