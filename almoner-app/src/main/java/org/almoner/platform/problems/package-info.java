/**
 * Stable error codes for every platform module and their one mapping to RFC 9457 problem details.
 *
 * <p>Modules throw {@link org.almoner.platform.problems.PlatformException} with a code and a
 * plain-English message naming the field; {@code ProblemDetailsAdvice} turns it, and Spring's own
 * request errors, into a problem document. Bad input is never a 500.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.almoner.platform.problems;
