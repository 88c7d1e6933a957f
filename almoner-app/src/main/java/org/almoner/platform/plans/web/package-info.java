/** The plans API: draft, agree, read versions, and FHIR export and import. */
package org.almoner.platform.plans.web;
