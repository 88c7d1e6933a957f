/**
 * Identifiers of people as health and care sources hold them: the NHS number and its check digit.
 */
package org.almoner.engine.identity;
