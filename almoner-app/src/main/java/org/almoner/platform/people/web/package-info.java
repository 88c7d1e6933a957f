/** The people API: record a person, list the people one may see, representatives and care team. */
package org.almoner.platform.people.web;
