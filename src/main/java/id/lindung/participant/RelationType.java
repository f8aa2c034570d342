package id.lindung.participant;

/** How a family member relates to the participant. */
public enum RelationType {
    SPOUSE,
    CHILD,
    PARENT,
    SIBLING,
    OTHER
}
