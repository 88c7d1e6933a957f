/** The reviews API: a person's reviews, overdue reviews, and recording a review held. */
package org.almoner.platform.reviews.web;
