package org.almoner.platform.people;

/** Adult (18 and over) or child, as national personal health budget reporting asks. */
public enum AgeGroup {
    ADULT,
    CHILD
}
